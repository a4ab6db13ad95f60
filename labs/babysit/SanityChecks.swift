import Foundation
import NNEngine

/// Figure 1: the lecture's checks before training. (1) The initial loss is `log C` without
/// regularization and rises with λ; (2) with regularization off the net overfits 20 examples to
/// 100% training accuracy. A deliberately broken setup (every weight ×10) fails both.
struct SanityChecks: Codable, Sendable {
    /// The initial total loss `L_data + ½λΣ‖W‖²` of one setup for each λ.
    struct InitialLoss: Codable, Sendable {
        var setup: String
        var lambdas: [Double]
        var dataLoss: Double
        var totalLoss: [Double]
        /// Whether the data loss is within 10% of `log C`, and the total rises with λ.
        var nearLogC: Bool
        var risesWithLambda: Bool
    }
    /// The 20-example run of one setup: training accuracy and loss per epoch (the engine's `Trainer`).
    struct Overfit: Codable, Sendable {
        var setup: String
        var trainAccuracy: [Double]
        var trainLoss: [Double]
        var outcome: TrajectoryOutcome
        var reachedFullAccuracy: Bool
        /// The first epoch at 100%, if any.
        var firstPerfectEpoch: Int?
    }
    var logC: Double
    var initialLosses: [InitialLoss]
    var overfits: [Overfit]

    static let lambdas = [1e-4, 1e-3, 1e-2, 1e-1, 1]
    static let sampleSize = 20
    static let brokenScale = 10.0
    static let overfitEpochs = 200

    /// The initial loss of the net at `scale` on `train` for λ = 0 and every λ in `lambdas`.
    static func initialLoss(_ model: Sequential, setup: String, on train: Dataset) -> InitialLoss {
        let data = Trainer.evaluate(model, on: train, loss: .softmaxCrossEntropy()).loss
        let weights = zip(model.parameters, model.parameterKinds).filter { $1 == .weight }.map(\.0)
        let totals = lambdas.map { data + Regularizer.l2($0).value(weights) }
        let logC = log(Double(train.classCount))
        return InitialLoss(setup: setup, lambdas: lambdas, dataLoss: data, totalLoss: totals,
                           nearLogC: abs(data - logC) <= 0.1 * logC, risesWithLambda: zip(totals, totals.dropFirst()).allSatisfy { $0 < $1 })
    }

    /// Trains `model` on `sample` with regularization off, full-batch, with `optimizer`.
    static func overfit(_ model: Sequential, setup: String, on sample: Dataset, optimizer: OptimizerConfiguration,
                        seed: UInt64) throws -> Overfit {
        let configuration = TrainingConfiguration(epochs: overfitEpochs, batchSize: sample.count, optimizer: optimizer, seed: seed)
        let history = try Trainer.train(model, on: sample, configuration: configuration).history
        let accuracy = history.epochs.map(\.trainAccuracy)
        let first = accuracy.firstIndex(of: 1).map { $0 + 1 }
        return Overfit(setup: setup, trainAccuracy: accuracy, trainLoss: history.epochs.map(\.trainLoss), outcome: history.outcome,
                       reachedFullAccuracy: first != nil, firstPerfectEpoch: first)
    }

    /// `sampleSize` training examples, two per class first (stream `overfit sample`).
    static func sample(of train: Dataset, using stream: RandomStream) -> Dataset {
        var generator = stream
        var indices = Array(0..<train.count)
        indices.shuffle(using: &generator)
        return train.subset(Array(indices.prefix(sampleSize)))
    }
}
