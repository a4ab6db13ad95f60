import Foundation
import NNEngine
import XCTest
@testable import DropoutLab

/// The lab's computations on a small configuration: each figure's lecture claim, and determinism.
final class DropoutLabTests: XCTestCase {
    static func small(seed: UInt64 = 1) -> DropoutLabConfiguration {
        var c = DropoutLabConfiguration()
        c.hidden = [64]
        c.epochs = 8
        c.trainCount = 100
        c.ensembleSize = 3
        c.mcSamples = 50
        c.gridSize = 20
        c.seed = seed
        return c
    }

    static let result = Result { try DropoutLab.run(small()) }

    func testTwoInputNeuronExpectationIsPTimesTheTestActivation() throws {
        let neuron = try Self.result.get().neuron
        for row in neuron.rows {
            XCTAssertEqual(row.masks.map(\.probability).reduce(0, +), 1, accuracy: 1e-15)
            XCTAssertEqual(row.vanillaExpectation, row.keep * neuron.testActivation, accuracy: 1e-14)
            XCTAssertEqual(row.invertedExpectation, neuron.testActivation, accuracy: 1e-14)
        }
        let half = neuron.rows.first { $0.keep == 0.5 }!
        // The slide: ¼(w1x + w2y) + ¼(w1x + 0y) + ¼(0x + 0y) + ¼(0x + w2y).
        let slide = 0.25 * (neuron.w1 * neuron.x + neuron.w2 * neuron.y) + 0.25 * neuron.w1 * neuron.x + 0.25 * neuron.w2 * neuron.y
        XCTAssertEqual(half.vanillaExpectation, slide, accuracy: 1e-15)
    }

    func testVanillaWithScalingEqualsRescaledInverted() throws {
        let s = try Self.result.get().scaling
        XCTAssertLessThan(s.maxProbabilityDifference, 1e-12)
        XCTAssertLessThan(s.maxScoreDifference, 1e-12)
        XCTAssertLessThan(s.maxTrainingScoreDifference, 1e-12)
        XCTAssertEqual(s.vanillaTestAccuracy, s.invertedTestAccuracy)
        XCTAssertGreaterThan(s.maxUnscaledProbabilityDifference, 1e-3, "forgetting the scaling changes the outputs")
    }

    func testRescalingIsExactAlgebraForAnyKeep() {
        var g = Xoshiro256StarStar(seed: 2)
        let model = Sequential.mlp(inputs: 5, hidden: [7, 6], outputs: 3, keep: 0.7, variant: .vanilla, using: &g)
        let x = Tensor.randomNormal(shape: [4, 5], using: &g)
        let difference = (model.predict(x) - ScalingEquivalence.inverted(model).predict(x)).map { abs($0) }.max
        XCTAssertLessThan(difference, 1e-14)
    }

    func testMonteCarloAgreementGrowsWithPasses() throws {
        let mc = try Self.result.get().monteCarlo
        XCTAssertEqual(mc.points.map(\.passes), [1, 2, 5, 10, 20, 50])
        XCTAssertGreaterThanOrEqual(mc.points.last!.agreement, mc.points.first!.agreement)
        XCTAssertGreaterThan(mc.points.last!.agreement, 0.9)
        XCTAssertLessThan(mc.points.last!.meanProbabilityDifference, mc.points.first!.meanProbabilityDifference)
        XCTAssertEqual(MonteCarloDropout.checkpoints(upTo: 1000), [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
        XCTAssertEqual(MonteCarloDropout.checkpoints(upTo: 7), [1, 2, 5, 7])
    }

    func testEnsembleAndBoundaryShapes() throws {
        let r = try Self.result.get()
        XCTAssertEqual(r.ensembles.members.count, 3)
        XCTAssertEqual(r.ensembles.independentAccuracy.count, 3)
        XCTAssertEqual(r.ensembles.independentAccuracy[0], r.ensembles.members[0].testAccuracy, "an ensemble of one is the net")
        XCTAssertFalse(r.ensembles.checkpointAccuracy.isEmpty)
        XCTAssert(r.ensembles.runningAverageAccuracy > 0.5)
        XCTAssertEqual(r.boundaries.maps.count, 3)
        XCTAssert(r.boundaries.maps.allSatisfy { $0.classes.count == 400 })
        XCTAssertEqual(r.overfitting.map(\.dataset), ["digits", "spiral"])
        XCTAssertEqual(r.overfitting[0].curves.map(\.keep), [1.0, 0.8, 0.5])
        for curve in r.overfitting[0].curves {
            XCTAssertEqual(curve.epochs.count, 8)
            XCTAssertEqual(curve.initialLoss, log(10), accuracy: 0.1 * log(10), "initial loss ≈ log C")
        }
    }

    func testSameSeedSameNumbers() throws {
        let a = try Self.result.get(), b = try DropoutLab.run(Self.small())
        XCTAssertEqual(a.overfitting, b.overfitting)
        XCTAssertEqual(a.monteCarlo, b.monteCarlo)
        XCTAssertEqual(a.ensembles, b.ensembles)
        XCTAssertEqual(a.boundaries, b.boundaries)
        let c = try DropoutLab.run(Self.small(seed: 2))
        XCTAssertNotEqual(a.overfitting, c.overfitting)
    }

    func testBadConfigurationsAreRejected() {
        func message(_ change: (inout DropoutLabConfiguration) -> Void) -> String {
            var c = Self.small()
            change(&c)
            do { try c.validate(); return "" } catch { return "\(error)" }
        }
        XCTAssert(message { $0.keeps = [0] }.contains("outside (0, 1]"))
        XCTAssert(message { $0.keeps = [1.2] }.contains("outside (0, 1]"))
        XCTAssert(message { $0.hidden = [] }.contains("at least one layer"))
        XCTAssert(message { $0.hidden = [64, 0] }.contains("must be at least 1"))
        XCTAssert(message { $0.learningRate = -1 }.contains("learning rate"))
        XCTAssertThrowsError(try DatasetChoice(parsing: "mnist")) { XCTAssert("\($0)".contains("unknown dataset 'mnist'")) }
        XCTAssertThrowsError(try DatasetChoice(parsing: "digits", classes: 12)) { XCTAssert("\($0)".contains("asks for more")) }
        XCTAssertThrowsError(try DatasetChoice(parsing: "moons", classes: 3)) { XCTAssert("\($0)".contains("has 2 classes")) }
    }
}
