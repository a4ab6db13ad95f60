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
    /// The lab's dominant work, for `make bench`: one deep net of figure 3 (with batch norm when
    /// `batchNorm`) trained `epochs` epochs at the main learning rate on the lab's digits split,
    /// on the calling thread. Returns its history.
    /// - Throws: `LabError` for bad configuration or data.
    public static func trainDeepNet(_ c: NormalizeLabConfiguration, batchNorm: Bool, epochs: Int) throws -> TrainingHistory {
        try c.validate()
        var splitStream = RandomStream(seed: c.seed).stream(.split)
        let digits = try DigitsDataset.load(from: c.digitsFile)
        let split = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, trainCount: c.trainCount, using: &splitStream)
        let job = BatchNormJob(role: .convergence, net: DeepNet(depth: c.depth, width: c.width, activation: c.activation, batchNorm: batchNorm, scheme: .xavier),
                               learningRate: c.learningRate, epochs: epochs, initSeed: 1, trainingSeed: 2)
        return try job.run(on: normalized(split).0, configuration: c, snapshotInterval: nil).history
    }
}
