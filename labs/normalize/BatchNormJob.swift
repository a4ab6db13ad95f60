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

extension NormalizeLab {
    /// The digits of figure 3 as the lab prepares them: the stratified split of `c.seed`, the
    /// training mean image subtracted and divided by one σ. For `make bench`.
    /// - Throws: `LabError` for a missing or malformed digits file.
    public static func deepNetData(_ c: NormalizeLabConfiguration) throws -> DatasetSplit {
        var splitStream = root(seed: c.seed).stream(.split)
        let digits = try DigitsDataset.load(from: c.digitsFile)
        let split = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, trainCount: c.trainCount, using: &splitStream)
        return normalized(split).0
    }

    /// The lab's dominant work, for `make bench`: one deep net of figure 3 (with batch norm when
    /// `batchNorm`) trained `epochs` epochs at the main learning rate on `data`, on the calling
    /// thread, validating every epoch. Returns its history.
    /// - Throws: `LabError` for bad configuration.
    public static func trainDeepNet(_ c: NormalizeLabConfiguration, on data: DatasetSplit, batchNorm: Bool, epochs: Int) throws -> TrainingHistory {
        try c.validate()
        let job = BatchNormJob(role: .convergence, net: DeepNet(depth: c.depth, width: c.width, activation: c.activation, batchNorm: batchNorm, scheme: .xavier),
                               learningRate: c.learningRate, epochs: epochs, initSeed: 1, trainingSeed: 2)
        return try job.run(on: data, configuration: c, snapshotInterval: nil).history
    }
}
