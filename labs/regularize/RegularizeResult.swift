import NNEngine

/// Everything one `lab regularize` run computed, figure by figure.
public struct RegularizeResult: Sendable {
    public var configuration: RegularizeConfiguration
    public var planar: String
    public var digits: String
    /// Figure 1: by width (no penalty), then the widest at each λ.
    public var capacity: [DecisionMap]
    public var capacityPoints: (x: [Double], y: [Double], labels: [Int])
    /// Figure 2: the unregularized baseline, every penalty at every λ, and the max-norm nets.
    public var baseline: PenaltyRun
    public var penalties: [PenaltyRun]
    public var maxNorms: [PenaltyRun]
    public var quadratic: QuadraticPenalty
    /// Figure 3.
    public var biasVariance: BiasVariance
    /// Figure 4: the baseline's learning curves, the quadratic, smoothing, augmentation.
    public var earlyStopping: EarlyStoppingCurve
    public var earlyStoppingQuadratic: EarlyStoppingQuadratic
    public var smoothing: SmoothingStudy
    public var augmentation: SeedComparison
    public var trainedNets: Int
    /// Nets whose loss became NaN or ∞: "L2 λ = 10: loss became NaN at step 37".
    public var divergences: [String]
}

/// Figure 4a: a long-trained unregularized digits net's validation curve and its minimum.
public struct EarlyStoppingCurve: Codable, Equatable, Sendable {
    public var epochs: [EpochRecord]
    /// The epoch of least validation loss, and the one of highest validation accuracy (what the
    /// trainer's snapshot keeps).
    public var bestLossEpoch: Int
    public var bestAccuracyEpoch: Int
    public var validationLossAtMinimum: Double
    public var validationLossAtEnd: Double
    public var validationAccuracyAtBest: Double
    public var validationAccuracyAtEnd: Double

    init(_ history: TrainingHistory) {
        epochs = history.epochs
        let losses = history.epochs.map { $0.validationLoss ?? .infinity }
        let best = losses.indices.min { losses[$0] < losses[$1] } ?? 0
        bestLossEpoch = history.epochs.isEmpty ? 0 : history.epochs[best].epoch
        bestAccuracyEpoch = history.bestEpoch
        validationLossAtMinimum = history.epochs.isEmpty ? .nan : losses[best]
        validationLossAtEnd = history.epochs.last?.validationLoss ?? .nan
        validationAccuracyAtBest = history.epochs.first { $0.epoch == history.bestEpoch }?.validationAccuracy ?? 0
        validationAccuracyAtEnd = history.epochs.last?.validationAccuracy ?? 0
    }
}
