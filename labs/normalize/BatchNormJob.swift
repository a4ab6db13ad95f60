import NNEngine

/// One deep net of figure 3 to train, and its role.
struct BatchNormJob: Sendable {
    enum Role: Sendable, Equatable {
        /// The convergence curves, activation distributions and train-vs-running statistics.
        case convergence
        /// One point of the learning-rate sweep.
        case sweep
        /// One initialization scheme.
        case initialization
    }

    var role: Role
    var net: DeepNet
    var learningRate: Double
    var epochs: Int
    /// Seeds the weights; the same for a net with and without batch norm (a paired comparison).
    var initSeed: UInt64
    /// Seeds the shuffles (also shared by the pair).
    var trainingSeed: UInt64

    /// Trains the net on the training digits, validating every epoch; `snapshots` every
    /// `snapshotInterval` epochs for the activation distributions.
    func run(on data: DatasetSplit, configuration c: NormalizeLabConfiguration, snapshotInterval: Int?) throws -> Trainer.Result {
        let model = net.model(inputs: data.train.featureCount, classes: data.train.classCount, seed: initSeed)
        let training = TrainingConfiguration(epochs: epochs, batchSize: c.batchSize,
                                             optimizer: OptimizerConfiguration(kind: c.optimizer, learningRate: learningRate),
                                             snapshotInterval: snapshotInterval, seed: trainingSeed)
        return try Trainer.train(model, on: data.train, validation: data.validation, configuration: training)
    }
}
