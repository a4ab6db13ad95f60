import NNEngine

/// Figure 1: train and validation curves of the same net with keep probability p ∈ {1, 0.8, 0.5}
/// on a deliberately small training set, both evaluated in inference mode after every epoch.
/// Without dropout the net memorizes the training set (training loss → 0) while the validation
/// loss stalls or climbs; dropout narrows the gap. The numbers are taken at the end of training,
/// not at the early-stopping snapshot, which would hide the overfitting.
public struct OverfittingCurve: Codable, Equatable, Sendable {
    /// p of the hidden units, and of the inputs (1: no input dropout).
    public var keep: Double
    public var inputKeep: Double
    public var initSeed: UInt64
    public var trainingSeed: UInt64
    public var epochs: [EpochRecord]
    public var initialLoss: Double
    public var expectedInitialLoss: Double?
    /// Averages over the last `OverfittingStudy.tail` epochs (single epochs are noisy).
    public var finalTrainAccuracy: Double
    public var finalValidationAccuracy: Double
    public var finalTrainLoss: Double
    public var finalValidationLoss: Double
    /// `finalTrainAccuracy − finalValidationAccuracy`.
    public var accuracyGap: Double
    /// `finalValidationLoss − finalTrainLoss`: the generalization gap figure 1 is about.
    public var lossGap: Double
    /// The lowest validation loss of any epoch, and that epoch: `finalValidationLoss` above it
    /// is how far the validation loss climbed back.
    public var minimumValidationLoss: Double
    public var minimumValidationLossEpoch: Int
    /// Every epoch run, or where the loss became NaN or ∞ (the curves end there).
    public var outcome: TrajectoryOutcome
}

/// Figure 1's curves for one data set.
public struct OverfittingPanel: Codable, Equatable, Sendable {
    public var dataset: String
    public var data: String
    /// The hidden layer sizes of every net of the panel.
    public var hidden: [Int]
    public var curves: [OverfittingCurve]
}

enum OverfittingStudy {
    /// Epochs averaged for the final numbers.
    static let tail = 5

    static func curve(_ net: TrainedNet) -> OverfittingCurve {
        let records = net.result.history.epochs
        let last = records.suffix(tail)
        func mean(_ f: (EpochRecord) -> Double?) -> Double {
            last.compactMap(f).reduce(0, +) / Double(last.count)
        }
        let (trainAccuracy, validationAccuracy) = (mean(\.trainAccuracy), mean(\.validationAccuracy))
        let (trainLoss, validationLoss) = (mean(\.trainLoss), mean(\.validationLoss))
        let lowest = records.min { ($0.validationLoss ?? .infinity) < ($1.validationLoss ?? .infinity) }
        return OverfittingCurve(keep: net.job.keep, inputKeep: net.inputKeep, initSeed: net.job.initSeed, trainingSeed: net.job.trainingSeed,
                                epochs: records, initialLoss: net.result.history.initialLoss,
                                expectedInitialLoss: net.result.history.expectedInitialLoss,
                                finalTrainAccuracy: trainAccuracy, finalValidationAccuracy: validationAccuracy,
                                finalTrainLoss: trainLoss, finalValidationLoss: validationLoss,
                                accuracyGap: trainAccuracy - validationAccuracy, lossGap: validationLoss - trainLoss,
                                minimumValidationLoss: lowest?.validationLoss ?? .nan,
                                minimumValidationLossEpoch: lowest?.epoch ?? 0, outcome: net.result.history.outcome)
    }
}
