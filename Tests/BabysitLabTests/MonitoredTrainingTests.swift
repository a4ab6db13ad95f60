import Foundation
import XCTest
@testable import BabysitLab
import NNEngine

/// The lab's watched training against direct computations on small nets.
final class MonitoredTrainingTests: XCTestCase {
    static func blobs(_ count: Int = 12, seed: UInt64 = 1) -> Dataset {
        var generator = RandomStream(seed: seed)
        return SyntheticDataset.blobs(classes: 3, pointsPerClass: count / 3, spread: 0.7).generate(using: &generator)
    }

    static func net(seed: UInt64 = 2) -> Sequential {
        var generator = RandomStream(seed: seed)
        return Sequential.mlp(inputs: 2, hidden: [5, 4], outputs: 3, using: &generator)
    }

    /// One full-batch SGD step: `ΔW = −lr ∂L/∂W`, so the recorded ratio of every weight matrix
    /// must be `lr ‖∂L/∂W‖ / ‖W‖`, with the gradient from a direct backward pass.
    func testUpdateRatioIsTheNormOfTheStepOverTheNormOfTheWeights() throws {
        let data = Self.blobs(), model = Self.net()
        let lr = 0.3
        let configuration = TrainingConfiguration(epochs: 1, batchSize: data.count, optimizer: OptimizerConfiguration(kind: .sgd, learningRate: lr))
        var plan = MonitoredTraining.Plan()
        plan.recordsRatios = true
        let trace = try MonitoredTraining.train(model, on: data, validation: data, configuration: configuration, plan: plan)
        XCTAssertEqual(trace.ratios.count, 1)

        var m = model
        var generator = RandomStream(seed: 0)
        let (scores, cache) = m.forward(data.features, mode: .training, using: &generator)
        let gradients = model.backward(Loss.softmaxCrossEntropy()(scores, .classes(data.labels)).gradient, cache: cache).parameters
        let weights = model.parameterKinds.indices.filter { model.parameterKinds[$0] == .weight }
        XCTAssertEqual(weights.count, 3)
        for (l, i) in weights.enumerated() {
            let expected = lr * gradients[i].norm / model.parameters[i].norm
            let observed = trace.ratios[0][l]
            XCTAssertEqual(observed, expected, accuracy: 1e-12 * expected, "layer \(l + 1): observed \(observed), expected \(expected)")
        }
        // And the helper itself: ‖(3, 4) − 0‖ / ‖(3, 4)‖ = 1; ‖(3, 4)·1.1 − (3, 4)‖ / 5 = 0.1.
        XCTAssertEqual(UpdateRatio.of(old: Tensor([3, 4]), new: Tensor([0, 0])), 1)
        XCTAssertEqual(UpdateRatio.of(old: Tensor([3, 4]), new: Tensor([3.3, 4.4])), 0.1, accuracy: 1e-15)
    }

    /// The watched loop takes the engine `Trainer`'s steps: same seed, same configuration, same
    /// final parameters, bit for bit (minibatches, L2, momentum, several epochs).
    func testMatchesTheEngineTrainer() throws {
        let data = Self.blobs(30), model = Self.net()
        let configuration = TrainingConfiguration(epochs: 3, batchSize: 7, optimizer: OptimizerConfiguration(kind: .momentum(mu: 0.9), learningRate: 0.05),
                                                  regularizer: .l2(1e-2), seed: 11)
        let engine = try Trainer.train(model, on: data, validation: data, configuration: configuration)
        let watched = try MonitoredTraining.train(model, on: data, validation: data, configuration: configuration)
        XCTAssertEqual(watched.finalModel, engine.finalModel)
        XCTAssertEqual(watched.epochs.map(\.validationAccuracy), engine.history.epochs.map(\.validationAccuracy))
        XCTAssertEqual(watched.stepLosses.count, 3 * 5)
        XCTAssertEqual(watched.learningRates, Array(repeating: 0.05, count: 15))
    }

    /// The schedule's rate is recorded step by step (cosine over 10 steps, restarting).
    func testRecordsTheScheduledRates() throws {
        let data = Self.blobs(12)
        let schedule = LearningRateSchedule.cosine(period: 4, restarts: true)
        let configuration = TrainingConfiguration(epochs: 3, batchSize: 4,
                                                  optimizer: OptimizerConfiguration(kind: .sgd, learningRate: 0.2, options: OptimizerOptions(schedule: schedule)))
        let trace = try MonitoredTraining.train(Self.net(), on: data, validation: data, configuration: configuration)
        XCTAssertEqual(trace.learningRates, (1...9).map { schedule.learningRate(base: 0.2, step: $0) })
    }

    /// A diverging run stops at the step whose loss is not finite and keeps the losses before it:
    /// a rate of 1e150 makes weights of that size, whose three layers overflow the scores.
    func testDivergenceIsRecordedWithItsStep() throws {
        let data = Self.blobs(30)
        let configuration = TrainingConfiguration(epochs: 5, batchSize: 5, optimizer: OptimizerConfiguration(kind: .sgd, learningRate: 1e150))
        let trace = try MonitoredTraining.train(Self.net(), on: data, validation: data, configuration: configuration)
        let step = try XCTUnwrap(trace.divergedAtStep)
        XCTAssertGreaterThan(step, 1)
        XCTAssertTrue(trace.stepLosses.dropLast().allSatisfy(\.isFinite))
        XCTAssertEqual(trace.stepLosses.count, step)
        XCTAssertFalse(trace.stepLosses.last!.isFinite)
    }

    /// The probe counts a unit dead when its ReLU output is 0 on every probe example.
    func testProbeCountsDeadUnits() {
        var model = Self.net()
        // Unit 0 of the first hidden layer: weights and bias pushed negative on every input.
        if case var .affine(first) = model.layers[0] {
            first.weight = Tensor(shape: first.weight.shape, scalars: first.weight.scalars.enumerated().map { $0.offset % 5 == 0 ? 0 : $0.element })
            first.bias = Tensor(shape: [5], scalars: [-1, 0, 0, 0, 0])
            model.layers[0] = .affine(first)
        }
        let probe = NetProbe.take(model, on: Self.blobs(), epoch: 0, loss: .softmaxCrossEntropy())
        XCTAssertEqual(probe.units, [5, 4])
        XCTAssertGreaterThanOrEqual(probe.deadUnits[0], 1)
        XCTAssertEqual(probe.activations[0].count, 12 * 5)
        // A dead unit passes no gradient: its ∂L/∂h is whatever arrives, but its pre-activation gets 0.
        XCTAssertTrue(stride(from: 0, to: 60, by: 5).allSatisfy { probe.activations[0][$0] == 0 })
    }
}
