import Foundation
import NNEngine
import XCTest

final class TrainerTests: XCTestCase {
    func standardizedDigits() throws -> Dataset {
        let digits = try DigitsDataset.load(from: DataFiles.digits)
        return digits.replacingFeatures(try Preprocessing.standardization.fit(digits.features)(digits.features))
    }

    /// The lecture's "overfit a small sample": 50 digits, no regularization, 100% training accuracy.
    func testSmallMLPOverfitsFiftyDigits() throws {
        let digits = try standardizedDigits()
        let sample = digits.subset(Array(0..<50))
        var g = RandomStream(seed: 1)
        let model = Sequential.mlp(inputs: 64, hidden: [64], outputs: 10, using: &g)
        let configuration = TrainingConfiguration(epochs: 60, batchSize: 10,
                                                  optimizer: OptimizerConfiguration(kind: .adam(), learningRate: 1e-2), seed: 2)
        let result = try Trainer.train(model, on: sample, configuration: configuration)
        XCTAssertEqual(result.finalModel.accuracy(on: sample), 1, "final training accuracy on 50 digits")
        XCTAssertLessThan(result.history.epochs.last!.trainLoss, 0.05)
        XCTAssert(result.history.initialLossIsSane(), "initial loss \(result.history.initialLoss) vs log 10 = \(log(10.0))")
        assertClose(result.history.initialLoss, log(10), tolerance: 0.05, "initial loss ≈ log C")
    }

    func testSpiralReachesNinetyFivePercentTrainingAccuracy() throws {
        var g = RandomStream(seed: 3)
        let spiral = SyntheticDataset.spiral(classes: 3, pointsPerClass: 100).generate(using: &g)
        let model = Sequential.mlp(inputs: 2, hidden: [100], outputs: 3, using: &g)
        let configuration = TrainingConfiguration(epochs: 150, batchSize: 32,
                                                  optimizer: OptimizerConfiguration(kind: .adam(), learningRate: 1e-2), seed: 4)
        let result = try Trainer.train(model, on: spiral, configuration: configuration)
        let accuracy = result.finalModel.accuracy(on: spiral)
        print("spiral training accuracy \(accuracy)")
        XCTAssertGreaterThan(accuracy, 0.95)
        // Healthy update-to-weight ratios are within a decade or two of the lecture's 1e-3.
        let ratios = result.history.epochs.last!.updateToWeightRatios
        XCTAssertEqual(ratios.count, 2)
        XCTAssert(ratios.allSatisfy { $0 > 1e-5 && $0 < 1e-1 }, "\(ratios)")
    }

    func testTrainingIsDeterministicUnderASeed() throws {
        func run(_ seed: UInt64) throws -> (TrainingHistory, [Tensor]) {
            var g = RandomStream(seed: 5)
            let data = SyntheticDataset.moons(points: 120).generate(using: &g)
            let model = Sequential.mlp(inputs: 2, hidden: [16, 16], outputs: 2, keep: 0.8, using: &g)
            let result = try Trainer.train(model, on: data, validation: data.subset(Array(0..<40)), configuration:
                TrainingConfiguration(epochs: 5, batchSize: 16, optimizer: OptimizerConfiguration(kind: .adam()),
                                      regularizer: .l2(1e-3), maxNorm: MaxNorm(limit: 3), seed: seed))
            return (result.history, result.model.parameters)
        }
        let (a, b, c) = (try run(6), try run(6), try run(7))
        XCTAssertEqual(a.0, b.0)
        XCTAssertEqual(a.1, b.1)
        XCTAssertNotEqual(a.0, c.0, "another seed shuffles and masks differently")
    }

    func testDivergenceIsReportedWithTheStep() throws {
        var g = RandomStream(seed: 8)
        let spiral = SyntheticDataset.spiral().generate(using: &g)
        let model = Sequential.mlp(inputs: 2, hidden: [50], outputs: 3, using: &g)
        let configuration = TrainingConfiguration(epochs: 50, batchSize: 30,
                                                  optimizer: OptimizerConfiguration(kind: .sgd, learningRate: 1e200), seed: 9)
        let result = try Trainer.train(model, on: spiral, configuration: configuration)
        guard case .diverged(let step, _) = result.history.outcome else {
            return XCTFail("expected a diverged run, got \(result.history.outcome)")
        }
        XCTAssertEqual(result.history.steps, step, "training stops at the step whose loss broke")
        XCTAssertLessThan(result.history.epochs.count, 50, "the epochs after the divergence are not run")
        XCTAssert(result.history.epochs.allSatisfy { $0.trainLoss.isFinite }, "only finite epochs are kept")
        XCTAssert(result.model.parameters.allSatisfy { $0.scalars.allSatisfy(\.isFinite) }, "the kept model is finite")
        XCTAssertNil(result.averagedModel)
        XCTAssert(result.history.outcome.message.hasPrefix("loss became ") && result.history.outcome.message.hasSuffix("learning rate too high?"),
                  result.history.outcome.message)
    }

    func testEarlyStoppingKeepsTheBestSnapshot() throws {
        let digits = try standardizedDigits()
        var s = RandomStream(seed: 10)
        let split = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.1, trainCount: 60, using: &s)
        var g = RandomStream(seed: 11)
        let model = Sequential.mlp(inputs: 64, hidden: [128], outputs: 10, using: &g)
        let configuration = TrainingConfiguration(epochs: 200, batchSize: 20, optimizer: OptimizerConfiguration(kind: .adam(), learningRate: 1e-2),
                                                  patience: 10, snapshotInterval: 5, averagingDecay: 0.9, seed: 12)
        let result = try Trainer.train(model, on: split.train, validation: split.validation, configuration: configuration)
        let history = result.history
        XCTAssert(history.stoppedEarly, "60 examples are fitted long before 200 epochs")
        XCTAssertEqual(history.epochs.count, history.bestEpoch + 10)
        let bestAccuracy = history.epochs.compactMap(\.validationAccuracy).max()!
        XCTAssertEqual(history.epochs[history.bestEpoch - 1].validationAccuracy, bestAccuracy)
        XCTAssertEqual(result.model.accuracy(on: split.validation), bestAccuracy, "the kept model is the best epoch's")
        XCTAssertEqual(result.snapshots.map(\.epoch), Array(stride(from: 5, through: history.epochs.count, by: 5)))
        XCTAssertNotNil(result.averagedModel)
    }
}
