import Foundation
import NNEngine

/// Figure 5: learning-rate schedules (004 deck) from the same initialization and the same
/// minibatch order, each drawn as `lr(t)` and as the validation curve it produces, with early
/// stopping at the best validation epoch and that checkpoint restored and tested.
struct ScheduleRun: Codable, Sendable {
    var schedule: String
    var label: String
    /// Per step.
    var learningRates: [Double]
    var epochs: [EpochRecord]
    var bestEpoch: Int
    /// Test accuracy of the restored best-validation checkpoint and of the last epoch's net.
    var restoredTestAccuracy: Double
    var finalTestAccuracy: Double
    var divergedAtStep: Int?

    /// The lecture's schedules sized to a run of `steps` updates of `perEpoch` a epoch: step decay
    /// ×0.1 at a third and two thirds, exponential to 1% at the end, `1/t` to 10%, cosine over the
    /// run, cosine restarting every third, warm-up over the first epoch, plateau halving after 1 flat
    /// epoch. Patience 1, because in 20 epochs of this problem the validation loss rarely fails to
    /// improve twice running: with patience 2 the default run never reduced its rate and drew the
    /// constant schedule again.
    static func lectureSet(steps: Int, perEpoch: Int) -> [LearningRateSchedule] {
        let third = Swift.max(1, steps / 3)
        return [
            .stepDecay(factor: 0.1, every: third),
            .exponential(gamma: pow(0.01, 1 / Double(Swift.max(1, steps - 1)))),
            .inverseTime(k: 9 / Double(Swift.max(1, steps - 1))),
            .cosine(period: steps, restarts: false),
            .cosine(period: third, restarts: true),
            .warmup(steps: perEpoch),
            .plateau(factor: 0.5, patience: 1),
        ]
    }

    static func label(_ s: LearningRateSchedule) -> String {
        switch s {
        case .constant: return "constant"
        case .stepDecay(let f, _): return "step ×\(f)"
        case .exponential: return "exponential"
        case .inverseTime: return "1/t"
        case .cosine(_, let restarts): return restarts ? "cosine, restarts" : "cosine"
        case .warmup: return "linear warm-up"
        case .plateau(let f, let p): return "plateau ×\(f), \(p) epoch\(p == 1 ? "" : "s")"
        }
    }
}
