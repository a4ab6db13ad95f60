/// What happened during one epoch of training.
public struct EpochRecord: Codable, Equatable, Sendable {
    /// 1-based.
    public var epoch: Int
    /// The mean data loss of the epoch's minibatches, in training mode (with dropout masks).
    public var minibatchLoss: Double
    /// Data loss and accuracy on the whole training set, in inference mode, after the epoch.
    public var trainLoss: Double
    public var trainAccuracy: Double
    /// The same on the validation set; nil without one.
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// `‖ΔW‖ / ‖W‖` of every weight matrix, in layer order, at the epoch's last update: the
    /// lecture's heuristic wants ≈ 1e-3 (much smaller: learning rate too low; much larger: too high).
    public var updateToWeightRatios: [Double]

    public init(epoch: Int, minibatchLoss: Double, trainLoss: Double, trainAccuracy: Double, validationLoss: Double?,
                validationAccuracy: Double?, updateToWeightRatios: [Double]) {
        self.epoch = epoch
        self.minibatchLoss = minibatchLoss
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.updateToWeightRatios = updateToWeightRatios
    }
}

/// The record of a training run, for plotting curves and checking the run's health.
public struct TrainingHistory: Codable, Equatable, Sendable {
    /// One record per epoch run.
    public var epochs: [EpochRecord]
    /// The data loss of the untrained model on the training set (inference mode).
    public var initialLoss: Double
    /// What `initialLoss` should be for softmax cross-entropy with small initial scores: `log C`
    /// (the lecture's sanity check: 2.303 for 10 classes); nil for other losses.
    public var expectedInitialLoss: Double?
    /// The epoch whose parameters were kept (best validation accuracy; the last epoch without
    /// a validation set).
    public var bestEpoch: Int
    /// Whether early stopping ended the run before the last epoch.
    public var stoppedEarly: Bool
    /// Parameter updates made.
    public var steps: Int
    /// Every epoch completed, or the step at which the loss became NaN or ∞ and training stopped.
    public var outcome: TrajectoryOutcome

    /// Whether `initialLoss` is within `tolerance` (relative) of `log C`; true when there is no
    /// expectation.
    public func initialLossIsSane(tolerance: Double = 0.25) -> Bool {
        guard let expected = expectedInitialLoss else { return true }
        return abs(initialLoss - expected) <= tolerance * expected
    }
}

/// Reported after every epoch, for a progress line.
public struct TrainingProgress: Sendable {
    public var epoch: Int
    public var epochs: Int
    public var record: EpochRecord
}
