import Foundation
@testable import NeuronsLab
import NNEngine
import XCTest

/// The gallery's numbers against closed forms, and every f′ against centred differences.
final class ActivationGalleryTests: XCTestCase {
    static let curves = ActivationGallery.compute(points: 201)

    func curve(_ name: String) -> ActivationCurve { Self.curves.first { $0.name == name }! }

    func testEveryDerivativePassesTheLectureBands() {
        for c in Self.curves {
            // Smooth functions must be "happy" (< 1e-7); those with kinks "fine with kinks" (< 1e-4).
            let smooth = ["sigmoid", "tanh", "GELU", "softplus"].contains(c.name)
            XCTAssertLessThan(c.gradientCheckError, smooth ? 1e-7 : 1e-4, "\(c.name): f′ against centred differences")
        }
    }

    func testProbesMatchClosedForms() {
        let s = 1 / (1 + exp(-10.0))
        XCTAssertEqual(curve("sigmoid").probes[0].derivative, s * (1 - s), accuracy: 1e-12 * s * (1 - s), "σ′(−10) = σ(10)(1 − σ(10))")
        XCTAssertEqual(curve("sigmoid").probes[1].derivative, 0.25, "σ′(0)")
        XCTAssertEqual(curve("tanh").probes[2].derivative, 1 - tanh(10.0) * tanh(10.0), accuracy: 1e-20)
        XCTAssertEqual(curve("ReLU").probes.map(\.derivative), [0, 0, 1], "ReLU′ at −10, 0 (left value), 10")
        XCTAssertEqual(curve("PReLU").probes.map(\.derivative), [0.25, 0.25, 1])
        XCTAssertEqual(curve("maxout").probes.map(\.f), [4, 0, 10], "max(x, −0.5x − 1)")
    }

    func testZeroCentredAndDeadRegion() {
        // E σ(z) = ½ by symmetry; E tanh(z) = 0; E ReLU(z) = 1/√(2π); SELU is built for mean 0.
        XCTAssertEqual(curve("sigmoid").meanOutput, 0.5, accuracy: 1e-6)
        XCTAssertEqual(curve("tanh").meanOutput, 0, accuracy: 1e-9)
        // The trapezoid rule loses O(h²) = ~3e-6 at the kink.
        XCTAssertEqual(curve("ReLU").meanOutput, 1 / (2 * Double.pi).squareRoot(), accuracy: 1e-5)
        XCTAssertEqual(Self.curves.filter(\.zeroCentred).map(\.name), ["tanh", "SELU"])
        // 100 of 201 grid points are < 0, and x = 0 takes the left derivative 0.
        XCTAssertEqual(curve("ReLU").zeroGradientFraction, 101.0 / 201.0)
        XCTAssertEqual(curve("leaky ReLU").zeroGradientFraction, 0)
    }

    func testGELUTailKeepsItsDigits() {
        // Φ(−10) = 7.619853024160527e-24 (erfc); 1 + erf(−10/√2) would round to 0.
        let expected = -10 * 7.619853024160527e-24
        XCTAssertEqual(Activation.gelu(-10), expected, accuracy: 1e-12 * abs(expected))
        XCTAssertLessThan(Activation.gelu.derivative(-10), 0)
    }
}
