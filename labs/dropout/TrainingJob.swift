import NNEngine

/// One net to train: which data, how much dropout, and its own seeds.
struct TrainingJob {
    /// Which of the lab's data sets: 0 the main set, 1 the 2-D set of figures 1 and 6.
    var dataIndex: Int
    var keep: Double
    var variant: Dropout.Variant
    /// Keep checkpoints and a running average of the parameters (figure 5's first member).
    var keepsCheckpoints: Bool
    /// Seeds the weights; `trainingSeed` the shuffles and masks.
    var initSeed: UInt64
    var trainingSeed: UInt64

    /// Builds the MLP and trains it on the data's training part, validating every epoch.
    func run(on data: PreparedData, configuration c: DropoutLabConfiguration) throws -> TrainedNet {
        var generator = Xoshiro256StarStar(seed: initSeed)
        let model = Sequential.mlp(inputs: data.inputCount, hidden: c.hidden, outputs: data.classCount,
                                   keep: keep, variant: variant, using: &generator)
        let interval = Swift.max(1, c.epochs / c.ensembleSize)  // checkpoints are of the main set's runs
        let epochs = data.isPlanar ? c.epochs * DropoutLabConfiguration.planarEpochMultiplier : c.epochs
        let training = TrainingConfiguration(epochs: epochs, batchSize: c.batchSize, optimizer: c.optimizerConfiguration,
                                             snapshotInterval: keepsCheckpoints ? interval : nil,
                                             averagingDecay: keepsCheckpoints ? TrainingJob.averagingDecay : nil,
                                             seed: trainingSeed)
        let result = try Trainer.train(model, on: data.split.train, validation: data.split.validation, configuration: training)
        return TrainedNet(job: self, result: result)
    }

    /// The decay of the running parameter average: a window of about 100 updates.
    static let averagingDecay = 0.99
}

/// A trained net with the job that made it.
struct TrainedNet {
    var job: TrainingJob
    var result: Trainer.Result
    /// The kept model: the epoch with the best validation accuracy.
    var model: Sequential { result.model }
}
