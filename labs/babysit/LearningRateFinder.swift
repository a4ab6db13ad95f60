import Foundation
import NNEngine

/// Figure 2: the learning-rate finder (Smith 2017, "Cyclical learning rates"; the lecture's "find a
/// learning rate that makes the loss drop significantly"): one short run whose rate grows
/// geometrically at every step, `lr_s = lo · (hi/lo)^((s−1)/(S−1))`, stopped once the loss explodes.
///
/// The regions come from the measured curve, smoothed by an exponential moving average
/// (`β = 0.9`, bias-corrected) of the minibatch loss `L̄`, with `L̄₀` its start and `L̄_min` its
/// minimum: "too low" while `L̄` is still within 10% of the eventual drop of its start
/// (`L̄₀ − L̄ < 0.1 (L̄₀ − L̄_min)`); "too high" from the first rate after the minimum where `L̄`
/// is back above `L̄₀`, or the loss is NaN or ∞; "good" between.
struct LearningRateFinder: Codable, Sendable {
    var optimizer: String
    var learningRates: [Double]
    var losses: [Double]
    var smoothed: [Double]
    /// The last rate of "too low" and the first of "too high" (nil: never reached in the sweep).
    var tooLowBelow: Double?
    var tooHighFrom: Double?
    /// The rate of the smoothed minimum, and the finder's usual suggestion, a tenth of it.
    var minimumAt: Double
    var suggested: Double
    var diverged: Bool

    static let smoothing = 0.9
    /// The sweep stops once the smoothed loss exceeds this multiple of the starting one.
    static let explosion = 4.0

    /// The rate of step `s` (from 1) of `steps`.
    static func rate(step s: Int, of steps: Int, range: ClosedRange<Double>) -> Double {
        range.lowerBound * pow(range.upperBound / range.lowerBound, Double(s - 1) / Double(steps - 1))
    }

    /// Bias-corrected EMA: `m_s = β m_{s−1} + (1 − β) L_s`, `L̄_s = m_s / (1 − β^s)`.
    static func smooth(_ losses: [Double]) -> [Double] {
        var m = 0.0
        return losses.enumerated().map { i, loss in
            m = smoothing * m + (1 - smoothing) * loss
            return m / (1 - pow(smoothing, Double(i + 1)))
        }
    }

    static func run(_ model: Sequential, name: String, kind: OptimizerKind, on split: PreparedSplit, batchSize: Int,
                    range: ClosedRange<Double>, steps: Int, seed: UInt64) throws -> LearningRateFinder {
        let optimizer = OptimizerConfiguration(kind: kind, learningRate: range.lowerBound)
        let epochs = Swift.max(1, (steps * batchSize + split.train.count - 1) / split.train.count)
        let configuration = TrainingConfiguration(epochs: epochs, batchSize: batchSize, optimizer: optimizer, seed: seed)
        var plan = MonitoredTraining.Plan()
        plan.evaluates = false
        plan.maxSteps = steps
        plan.learningRateAtStep = { rate(step: $0, of: steps, range: range) }
        plan.stopsWhen = { losses in
            let s = smooth(losses)
            return s.count > 10 && s.last! > explosion * s[0]
        }
        let trace = try MonitoredTraining.train(model, on: split.train, validation: split.validation, configuration: configuration, plan: plan)
        let finite = trace.stepLosses.prefix { $0.isFinite }
        let smoothed = smooth(Array(finite))
        let rates = Array(trace.learningRates.prefix(smoothed.count))
        let start = smoothed.first ?? .nan
        let low = smoothed.indices.min { smoothed[$0] < smoothed[$1] } ?? 0
        let drop = start - smoothed[low]
        let lastTooLow = smoothed.indices.prefix(low + 1).last { start - smoothed[$0] < 0.1 * drop }
        let firstTooHigh = smoothed.indices.dropFirst(low).first { smoothed[$0] > start }
        let diverged = finite.count < trace.stepLosses.count || trace.divergedAtStep != nil
        let tooHigh = firstTooHigh.map { rates[$0] } ?? (diverged ? trace.learningRates[finite.count] : nil)
        return LearningRateFinder(optimizer: name, learningRates: rates, losses: Array(finite), smoothed: smoothed,
                                  tooLowBelow: lastTooLow.map { rates[$0] }, tooHighFrom: tooHigh,
                                  minimumAt: rates[low], suggested: rates[low] / 10, diverged: diverged)
    }
}
