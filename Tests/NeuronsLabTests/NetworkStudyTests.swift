import Foundation
@testable import NeuronsLab
import NNEngine
import XCTest

/// The small trained studies on small configurations: XOR, the linear collapse, the 1-D fits,
/// the dead-unit count.
final class NetworkStudyTests: XCTestCase {
    static var small: NeuronsLabConfiguration {
        var c = NeuronsLabConfiguration()
        c.xorPoints = 60
        c.fitSteps = 600
        c.approximationUnits = [1, 10]
        return c
    }

    func testSameValueNeedsAHiddenLayerAndLinearLayersCollapse() throws {
        let c = Self.small
        let root = RandomStream(seed: 3)
        var g = root.stream(.xor)
        let data = LinearLimits.sameValueData(points: c.xorPoints, using: &g)
        let limits = try LinearLimits.run(c, data: data, root: root)
        // A line gets at most three of the four clusters.
        XCTAssertLessThan(limits.logistic.trainAccuracy, 0.85)
        XCTAssertGreaterThanOrEqual(limits.hidden.trainAccuracy, 0.95)
        let collapse = try LinearCollapse.run(c, data: data, root: root)
        XCTAssertLessThan(collapse.maxScoreDifference, 1e-12, "x W₁W₂W₃ + b = the deep linear net")
        XCTAssertEqual(collapse.deepLinear.classes, collapse.collapsed.classes)
        XCTAssertLessThan(collapse.deepLinear.trainAccuracy, 0.85)
        XCTAssertGreaterThanOrEqual(collapse.withReLU.trainAccuracy, 0.95)
    }

    func testMoreUnitsFitCloser() throws {
        let a = try UniversalApproximation.run(Self.small, root: RandomStream(seed: 1))
        XCTAssertLessThan(a.fits[1].meanSquaredError, a.fits[0].meanSquaredError / 10)
        // The ReLU hat: 1 at x = 0, 0 beyond ±1.
        let hat = a.bumps.last!.y
        XCTAssertEqual(hat[a.x.indices.min { abs(a.x[$0]) < abs(a.x[$1]) }!], 1, accuracy: 0.02)
        XCTAssertEqual(hat.first!, 0)
    }

    func testDeadFractionCountsUnitsNeverActive() {
        // Unit 0 is active for x > 0, unit 1 never (z = −x² impossible: weight 0, bias −1).
        let layer = Affine(weight: Tensor(matrix: [[1, 0]]), bias: Tensor([0, -1]))
        let model = Sequential([.affine(layer), .activation(.relu)])
        XCTAssertEqual(ReLUSpeed.deadFraction(model, Tensor(shape: [3, 1], scalars: [-1, 0.5, 2])), 0.5)
    }

    func testSpeedStudyComparesReLUWithTanhAndSigmoid() throws {
        var c = Self.small
        c.speedSeeds = 2
        c.speedEpochs = 3
        c.speedDepth = 1
        c.speedHidden = 8
        c.deadLearningRates = [0.1]
        c.targetLoss = 10 // reached in the first epoch by everyone: every ratio is 1
        let s = try ReLUSpeed.run(c, root: RandomStream(seed: 5))
        XCTAssertEqual(s.runs.map(\.activation), ["ReLU", "tanh", "sigmoid", "ReLU", "tanh", "sigmoid"])
        XCTAssertEqual(s.speedups.map(\.against), ["tanh", "sigmoid"])
        XCTAssertEqual(s.speedups.map(\.median), [1, 1])
        XCTAssertEqual(ReLUSpeed.ratio(.init(against: "x", median: nil, perSeed: [], atLeast: 5)), "> 5.00× (never reached the target)")
    }
}
