import NNEngine

/// Trains the net of one trial and measures it.
enum TrialRunner {
    /// The ReLU MLP `64 → hidden → 10` of a trial, its weights drawn from stream
    /// `initialization` of `initSeed` (Kaiming normal; see `Sequential.mlp`). Shapes: [N, 64] → [N, 10].
    static func model(_ c: SearchConfiguration, inputs: Int, classes: Int, initSeed: UInt64) -> Sequential {
        var generator = RandomStream(seed: initSeed, path: .initialization)
        return Sequential.mlp(inputs: inputs, hidden: c.hidden, outputs: classes, using: &generator)
    }

    /// Trains `spec` on its data: the single split, or fold `spec.fold` of the pooled digits;
    /// an ensemble trial also predicts the test digits.
    static func run(_ spec: TrialSpec, _ c: SearchConfiguration, data: SearchData) throws -> TrialResult {
        let (train, validation) = try spec.fold.map { try data.fold($0) } ?? (data.split.train, data.split.validation)
        let model = model(c, inputs: train.featureCount, classes: train.classCount, initSeed: spec.initSeed)
        let training = TrainingConfiguration(epochs: c.epochs, batchSize: c.batchSize,
                                             optimizer: c.optimizer(learningRate: spec.learningRate, weightDecay: spec.weightDecay),
                                             seed: spec.trainingSeed)
        let trained = try Trainer.train(model, on: train, validation: validation, configuration: training)
        let history = trained.history
        // The kept model is measured here, not read from the history: when the first epoch
        // already broke, it is the initial model, which the history has no record of.
        let kept = Trainer.evaluate(trained.model, on: validation, loss: training.loss)
        var divergence: String?
        if case .diverged(let step, let loss) = history.outcome {
            divergence = "loss became \(loss.rawValue) at step \(step) (after \(history.epochs.count) epochs): learning rate too high"
        }
        var result = TrialResult(validationAccuracy: kept.accuracy, validationLoss: kept.loss,
                                 trainAccuracy: trained.model.accuracy(on: train), bestEpoch: history.bestEpoch,
                                 epochsRun: history.epochs.count, divergence: divergence)
        if spec.kind == .ensemble {
            let test = data.split.test
            let probabilities = trained.model.probabilities(test.features)
            result.testProbabilities = probabilities.scalars
            result.testAccuracy = Sequential.accuracy(Sequential.argmaxRows(probabilities), test.labels)
        }
        return result
    }
}
