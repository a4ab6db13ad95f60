import Foundation
@testable import NeuronsLab
import NNEngine
import XCTest

/// The worked example by hand, against the engine and centred differences; the step sweep's V.
final class BackpropExampleTests: XCTestCase {
    func testForwardValuesByHandAndGradientsChecked() {
        let r = BackpropExample.run()
        // z₁ = 0.05·0.15 + 0.10·0.20 + 0.35.
        XCTAssertEqual(r.nodes[2].value, 0.3775, accuracy: 1e-15)
        XCTAssertEqual(r.nodes[4].value, 1 / (1 + exp(-0.3775)), accuracy: 1e-15)
        XCTAssertEqual(r.nodes.last!.delta, 1, "∂L/∂L")
        XCTAssertLessThan(r.engineMaxDifference, 1e-15, "hand backprop = Sequential.backward")
        XCTAssertLessThan(r.maxRelativeError, 1e-7, "happy band against centred differences")
        for p in r.parameters { XCTAssertLessThan(p.relativeError, 1e-7, p.name) }
        // Backprop's chain: δz₃ = δy · y(1 − y).
        let y = r.nodes[7].value
        XCTAssertEqual(r.nodes[6].delta, r.nodes[7].delta * y * (1 - y), accuracy: 1e-15)
    }

    func testStepSweepShowsTruncationOrdersAndPrecisions() {
        let s = GradientStepSweep.run()
        let (centred64, oneSided64, centred32) = (s.curves[0], s.curves[1], s.curves[2])
        XCTAssertEqual(centred64.truncationSlope, 2, accuracy: 0.2, "centred: error O(h²)")
        XCTAssertEqual(oneSided64.truncationSlope, 1, accuracy: 0.2, "one-sided: error O(h)")
        XCTAssertLessThan(centred64.bestError, oneSided64.bestError)
        XCTAssertLessThan(centred64.bestError, 1e-9)
        XCTAssertGreaterThan(centred32.bestError, 100 * centred64.bestError, "float32 rounds ~1e9 times coarser")
        XCTAssertGreaterThan(centred32.bestStep, centred64.bestStep, "the best h grows with ε^(1/3)")
    }
}
