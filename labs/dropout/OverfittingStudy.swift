import NNEngine

/// Figure 1: train and validation curves of the same wide net with keep probability p ∈ {1, 0.8,
/// 0.5} on a deliberately small training set. Without dropout the net memorizes the training set
/// and the validation curve stalls below it; dropout narrows the gap.
public struct OverfittingCurve: Codable, Equatable, Sendable {
    public var keep: Double
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
    /// `finalValidationLoss − finalTrainLoss`.
    public var lossGap: Double
}

/// Figure 1's curves for one data set.
public struct OverfittingPanel: Codable, Equatable, Sendable {
    public var dataset: String
    public var data: String
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
        return OverfittingCurve(keep: net.job.keep, initSeed: net.job.initSeed, trainingSeed: net.job.trainingSeed,
                                epochs: records, initialLoss: net.result.history.initialLoss,
                                expectedInitialLoss: net.result.history.expectedInitialLoss,
                                finalTrainAccuracy: trainAccuracy, finalValidationAccuracy: validationAccuracy,
                                finalTrainLoss: trainLoss, finalValidationLoss: validationLoss,
                                accuracyGap: trainAccuracy - validationAccuracy, lossGap: validationLoss - trainLoss)
    }
}
