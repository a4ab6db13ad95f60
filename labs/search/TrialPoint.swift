/// A trial as the figures show it: where it was in the search space and what it scored.
public struct TrialPoint: Codable, Equatable, Sendable {
    public var index: Int
    public var learningRate: Double
    public var weightDecay: Double
    public var validationAccuracy: Double
    /// Whether the loss stopped being finite (the accuracy is that of its best epoch before).
    public var diverged: Bool

    init(_ record: TrialRecord) {
        index = record.trial.index
        learningRate = record.trial.learningRate
        weightDecay = record.trial.weightDecay
        validationAccuracy = record.result.validationAccuracy
        diverged = record.result.divergence != nil
    }

    /// The most accurate of `points` (the first, among equals).
    static func best(_ points: [TrialPoint]) -> TrialPoint {
        points.reduce(points[0]) { $1.validationAccuracy > $0.validationAccuracy ? $1 : $0 }
    }
}
