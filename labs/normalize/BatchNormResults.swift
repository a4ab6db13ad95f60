import NNEngine

/// How a training run ended, for the JSON and the legends.
public struct RunEnd: Codable, Sendable, Equatable {
    /// The step at which the loss became NaN or ∞ (nil: every epoch completed).
    public var divergedAtStep: Int?
    /// "NaN", "+∞" or "−∞" when it diverged.
    public var divergedLoss: String?
    public var completedEpochs: Int

    init(divergedAtStep: Int?, divergedLoss: String?, completedEpochs: Int) {
        self.divergedAtStep = divergedAtStep
        self.divergedLoss = divergedLoss
        self.completedEpochs = completedEpochs
    }

    init(_ history: TrainingHistory) {
        completedEpochs = history.epochs.count
        if case let .diverged(step, loss) = history.outcome {
            divergedAtStep = step
            divergedLoss = loss.rawValue
        }
    }
}

/// One net's learning curves (figure 3): per completed epoch, the full training-set loss and the
/// validation accuracy (inference mode, running statistics for batch norm).
public struct NetCurve: Codable, Sendable {
    public var batchNorm: Bool
    public var scheme: DeepNet.InitScheme
    public var learningRate: Double
    public var epochs: [Int]
    public var trainLoss: [Double]
    public var trainAccuracy: [Double]
    public var validationAccuracy: [Double]
    public var validationLoss: [Double]
    public var end: RunEnd
    /// The last completed epoch's validation accuracy (nil if none completed).
    public var finalValidationAccuracy: Double? { validationAccuracy.last }

    init(batchNorm: Bool, scheme: DeepNet.InitScheme, learningRate: Double, history: TrainingHistory) {
        self.batchNorm = batchNorm
        self.scheme = scheme
        self.learningRate = learningRate
        epochs = history.epochs.map(\.epoch)
        trainLoss = history.epochs.map(\.trainLoss)
        trainAccuracy = history.epochs.map(\.trainAccuracy)
        validationAccuracy = history.epochs.map { $0.validationAccuracy ?? .nan }
        validationLoss = history.epochs.map { $0.validationLoss ?? .nan }
        end = RunEnd(history)
    }

    /// A curve from its parts (validation accuracy only; the losses as NaN), for tests.
    init(batchNorm: Bool, scheme: DeepNet.InitScheme, learningRate: Double, validationAccuracy: [Double], end: RunEnd) {
        self.batchNorm = batchNorm
        self.scheme = scheme
        self.learningRate = learningRate
        epochs = validationAccuracy.indices.map { $0 + 1 }
        trainLoss = validationAccuracy.map { _ in .nan }
        trainAccuracy = trainLoss
        validationLoss = trainLoss
        self.validationAccuracy = validationAccuracy
        self.end = end
    }

    /// The first epoch whose validation accuracy reaches `target` (nil: never).
    public func epochReaching(_ target: Double) -> Int? {
        zip(epochs, validationAccuracy).first { $0.1 >= target }?.0
    }
}

/// Figure 3's sweep: per learning rate, the final validation accuracy without and with batch
/// norm, and the highest rate each tolerates.
public struct LearningRateSweep: Codable, Sendable {
    public var rates: [Double]
    public var plain: [NetCurve]
    public var batchNorm: [NetCurve]
    public var targetAccuracy: Double
    /// The highest learning rate whose net completed every epoch with a final validation accuracy
    /// ≥ `targetAccuracy` (nil: none did).
    public var highestTolerated: Double?
    public var highestToleratedWithBatchNorm: Double?

    static func highest(_ curves: [NetCurve], target: Double) -> Double? {
        curves.filter { $0.end.divergedAtStep == nil && ($0.finalValidationAccuracy ?? 0) >= target }.map(\.learningRate).max()
    }
}

/// Figure 3's activation distributions: for one net at one epoch, every hidden nonlinearity's
/// outputs on the validation digits (one batch, training mode).
public struct ActivationSnapshot: Codable, Sendable {
    public var batchNorm: Bool
    public var epoch: Int
    /// Per hidden layer: mean, std, and the fraction of outputs saturated (tanh |a| > 0.95;
    /// sigmoid a < 0.025 or > 0.975, the same slopes relative to the maximum, ≈ 0.1).
    public var mean: [Double]
    public var std: [Double]
    public var saturated: [Double]
    /// Per hidden layer, the mean over units of each unit's std across the examples: how much a
    /// unit's output still depends on the input (0: every example gives it the same value, the
    /// deep sigmoid net's collapse, which the pooled `std` cannot tell from units that differ).
    public var unitStd: [Double]
    /// Per hidden layer, the outputs binned over the activation's range.
    public var histograms: [Histogram]

    static let binCount = 40

    init(batchNorm: Bool, epoch: Int, activations: [Tensor], activation: Activation) {
        self.batchNorm = batchNorm
        self.epoch = epoch
        let sigmoid = activation == .sigmoid
        mean = activations.map(\.mean)
        std = activations.map(\.standardDeviation)
        saturated = activations.map { a in a.fraction { sigmoid ? ($0 < 0.025 || $0 > 0.975) : abs($0) > 0.95 } }
        unitStd = activations.map { a in
            let n = Double(a.shape[0])
            let mean = a.columnSums * (1 / n)
            let centred = a.broadcastOverRows(mean, -)
            return ((centred * centred).columnSums * (1 / n)).scalars.map { $0.squareRoot() }.reduce(0, +) / Double(a.shape[1])
        }
        histograms = activations.map { Histogram($0.scalars, bins: Self.binCount, lower: sigmoid ? 0 : -1, upper: 1) }
    }
}

/// Figure 3's test-time statistics: a batch-norm net evaluated with its running statistics
/// (inference) against the statistics of the batch it is evaluated in (training mode).
public struct StatisticsGap: Codable, Sendable {
    /// Validation accuracy with the running mean and variance (exponential averages, momentum 0.9).
    public var inferenceAccuracy: Double
    /// Validation accuracy with the 004 deck's estimate instead: the final network's batch
    /// statistics averaged over all training minibatches, variance × B/(B−1).
    public var deckEstimateAccuracy: Double
    /// Per batch-norm layer: the deck estimate's variance over the population variance (mean over units).
    public var deckVarianceRatio: [Double]
    /// Validation accuracy in training mode, the validation digits cut into batches of each size
    /// (in a fixed shuffled order; the last batch may be smaller, and a last batch of 1 joins
    /// the one before, as batch norm needs 2).
    public var batchSizes: [Int]
    public var trainModeAccuracy: [Double]
    /// Training mode with the whole validation set as one batch.
    public var wholeSetTrainModeAccuracy: Double
    /// Per batch-norm layer: the running variance over the population variance of its input on
    /// the training digits (mean over units), and |running mean − population mean| in population
    /// stds (mean over units). "Population" is what the layer sees at test time: every training
    /// digit through the earlier layers in inference mode. Deeper layers' ratios sit above 1:
    /// in training the earlier layers normalize with jittering batch statistics, which adds
    /// variance that inference does not have (the first layer, with nothing before it, is at 1).
    public var runningVarianceRatio: [Double]
    public var runningMeanOffset: [Double]
}
