/// A trial as the figures show it: where it was in the search space and what it scored.
public struct TrialPoint: Codable, Equatable, Sendable {
    public var index: Int
    public var learningRate: Double
    public var weightDecay: Double
    public var validationAccuracy: Double
    public var validationLoss: Double
    /// Whether the loss stopped being finite (the accuracy is that of its best epoch before).
    public var diverged: Bool

    init(_ record: TrialRecord) {
        index = record.trial.index
        learningRate = record.trial.learningRate
        weightDecay = record.trial.weightDecay
        validationAccuracy = record.result.validationAccuracy
        validationLoss = record.result.validationLoss
        diverged = record.result.divergence != nil
    }

    /// The best of `points` as `TrialPlan.rank` orders trials: the most accurate, then the lowest
    /// validation loss (NaN last), then the lowest index; so the fine stage's centre is the
    /// figure's best coarse trial.
    static func best(_ points: [TrialPoint]) -> TrialPoint {
        func loss(_ p: TrialPoint) -> Double { p.validationLoss.isNaN ? .infinity : p.validationLoss }
        return points.min { a, b in
            if a.validationAccuracy != b.validationAccuracy { return a.validationAccuracy > b.validationAccuracy }
            if loss(a) != loss(b) { return loss(a) < loss(b) }
            return a.index < b.index
        }!
    }
}
