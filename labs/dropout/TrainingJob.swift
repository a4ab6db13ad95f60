import NNEngine

/// One net to train: which data, how much dropout, and its own seeds.
struct TrainingJob {
    /// Which of the lab's data sets: 0 the main set, then the 2-D set of figures 1 and 6 (when the
    /// main set is the digits), then the digits of figure 5's small-data ensemble (if any).
    var dataIndex: Int
    var keep: Double
    var variant: Dropout.Variant
    /// Keep checkpoints and a running average of the parameters (figure 5's first member).
    var keepsCheckpoints: Bool
    /// Seeds the weights (stream `initialization` of this seed); `trainingSeed` the shuffles and
    /// masks (see `Trainer`). Both are drawn from the lab's `job seeds` stream.
    var initSeed: UInt64
    var trainingSeed: UInt64

    /// The MLP for `data`: `Sequential.mlp` with dropout of keep `keep` after every hidden
    /// activation, behind a dropout layer on the inputs when `inputKeep < 1` (same variant).
    /// Shapes: input [N, D₀], scores [N, C].
    static func model(for data: PreparedData, hidden: [Int], keep: Double, inputKeep: Double,
                      variant: Dropout.Variant, initSeed: UInt64) -> Sequential {
        var generator = RandomStream(seed: initSeed, path: .initialization)
        let mlp = Sequential.mlp(inputs: data.inputCount, hidden: hidden, outputs: data.classCount,
                                 keep: keep, variant: variant, using: &generator)
        guard inputKeep < 1 else { return mlp }
        return Sequential([.dropout(Dropout(keepProbability: inputKeep, variant: variant))] + mlp.layers)
    }

    /// Builds the MLP and trains it on the data's training part, validating every epoch.
    func run(on data: PreparedData, configuration c: DropoutLabConfiguration) throws -> TrainedNet {
        let inputKeep = c.inputKeep(forHiddenKeep: keep, on: data)
        let model = Self.model(for: data, hidden: c.hidden(for: data), keep: keep, inputKeep: inputKeep,
                               variant: variant, initSeed: initSeed)
        let epochs = data.isPlanar ? c.epochs * DropoutLabConfiguration.planarEpochMultiplier : c.epochs
        let interval = Swift.max(1, epochs / c.ensembleSize)  // as many checkpoints as ensemble members
        let training = TrainingConfiguration(epochs: epochs, batchSize: c.batchSize, optimizer: c.optimizerConfiguration,
                                             snapshotInterval: keepsCheckpoints ? interval : nil,
                                             averagingDecay: keepsCheckpoints ? TrainingJob.averagingDecay : nil,
                                             seed: trainingSeed)
        let result = try Trainer.train(model, on: data.split.train, validation: data.split.validation, configuration: training)
        return TrainedNet(job: self, inputKeep: inputKeep, hidden: c.hidden(for: data), result: result)
    }

    /// The decay of the running parameter average: a window of about 100 updates.
    static let averagingDecay = 0.99
}

/// A trained net with the job that made it.
struct TrainedNet {
    var job: TrainingJob
    /// The keep probability of its inputs (1: no input dropout) and its hidden layer sizes.
    var inputKeep: Double
    var hidden: [Int]
    var result: Trainer.Result
    /// The kept model: the epoch with the best validation accuracy.
    var model: Sequential { result.model }
}
