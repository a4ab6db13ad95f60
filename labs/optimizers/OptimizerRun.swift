import Foundation
import NNEngine

/// One optimizer's run on one surface, as the JSON beside every figure lists it: the full
/// hyperparameters, the whole trajectory, when it reached the minimum, where it ended and
/// whether it diverged.
public struct OptimizerRun: Codable, Equatable, Sendable {
    /// The rule's command-line name, e.g. `adam`.
    public var name: String
    /// The legend entry with every hyperparameter, e.g. `adam(lr=0.05, β1=0.9, β2=0.999, ε=1e-08)`.
    public var label: String
    /// Rule, learning rate, clipping, weight decay and schedule.
    public var hyperparameters: OptimizerConfiguration
    /// σ of the gradient noise (0 for exact gradients).
    public var gradientNoise: Double
    /// `(step, x, y, f)` from the start (step 0) to the last finite point.
    public var trajectory: [TrajectoryPoint]
    /// The first step with `f − f* ≤ convergenceTolerance`, or `nil` (never, or no minimum).
    public var reachedMinimumAtStep: Int?
    /// The last recorded point.
    public var final: TrajectoryPoint
    /// True if the loss or the point became non-finite, or the point left the divergence box on a
    /// surface that is bounded below.
    public var diverged: Bool
    /// The step at which it diverged, or `nil`.
    public var divergedAtStep: Int?
    /// The step at which it left the plot domain of an unbounded surface (the saddle), or `nil`.
    public var leftDomainAtStep: Int?
    /// Cumulative path length `Σ ‖x_k − x_{k−1}‖` after each step (the saddle's "loss" figure).
    public var distanceTravelled: [Double]
    /// The largest climb of the loss above its best so far, `max_k (f_k − min_{j<k} f_j)`: 0 for
    /// a run that only goes downhill, large for one that overshoots the valley floor and climbs
    /// the far side (momentum on Beale). `nil` on the saddle, which has no floor to overshoot.
    public var largestRise: Double?
    /// Updates after which the loss was higher than before: how long a run spends climbing back
    /// out of its overshoots.
    public var stepsUphill: Int
    /// One line: "f* + 1e-6 at step 123, f = 3e-09 after 200 steps", "diverged at step 37 (…)".
    public var summary: String
    /// The outcome in a few words, for legends: "f* + 1e-6 at step 123", "f = 0.08 at step 1000",
    /// "diverged at step 37", "left the domain at step 57".
    public var outcome: String

    /// The rule and its learning rate, e.g. `adam(lr=0.1)`, for narrow legends.
    public var shortLabel: String { "\(name)(lr=\(hyperparameters.learningRate))" }

    /// "Within 1e-6 of the minimum value".
    public static let convergenceTolerance = 1e-6

    /// Summarizes `trajectory`. `leavingMeansDivergence`: whether leaving the domain the run was
    /// limited to counts as diverging (a surface bounded below, run in its `divergenceBox`) or
    /// as escaping (the saddle, run in its plot domain).
    public init(_ trajectory: Trajectory, leavingMeansDivergence: Bool) {
        let configuration = trajectory.optimizer
        name = configuration.kind.name
        label = configuration.description
        hyperparameters = configuration
        gradientNoise = trajectory.gradientNoise
        self.trajectory = trajectory.points
        final = trajectory.final
        if let minimum = trajectory.function.minimumValue {
            reachedMinimumAtStep = trajectory.points.first { $0.f - minimum <= Self.convergenceTolerance }?.step
        } else {
            reachedMinimumAtStep = nil
        }
        var travelled = [0.0]
        for (a, b) in zip(trajectory.points, trajectory.points.dropFirst()) {
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            travelled.append(travelled[travelled.count - 1] + (dx * dx + dy * dy).squareRoot())
        }
        distanceTravelled = travelled
        var best = Double.infinity, rise = 0.0
        for point in trajectory.points {
            rise = Swift.max(rise, point.f - best)
            best = Swift.min(best, point.f)
        }
        largestRise = trajectory.function.minimumValue == nil ? nil : rise
        stepsUphill = zip(trajectory.points, trajectory.points.dropFirst()).filter { $1.f > $0.f }.count
        switch trajectory.outcome {
        case .completed(let steps):
            (diverged, divergedAtStep, leftDomainAtStep) = (false, nil, nil)
            let ending = "f = \(Self.short(final.f)) after \(steps) steps"
            summary = reachedMinimumAtStep.map { "f* + 1e-6 at step \($0), \(ending)" } ?? ending
            outcome = reachedMinimumAtStep.map { "f* + 1e-6 at step \($0)" } ?? "f = \(Self.short(final.f)) at step \(steps)"
        case .diverged(let step, let loss):
            (diverged, divergedAtStep, leftDomainAtStep) = (true, step, nil)
            summary = "diverged at step \(step) (loss became \(loss.rawValue))"
            outcome = "diverged at step \(step)"
        case .leftDomain(let step) where leavingMeansDivergence:
            (diverged, divergedAtStep, leftDomainAtStep) = (true, step, nil)
            summary = "diverged at step \(step) (f = \(Self.short(final.f)), far outside the plot)"
            outcome = "diverged at step \(step)"
        case .leftDomain(let step):
            (diverged, divergedAtStep, leftDomainAtStep) = (false, nil, step)
            summary = "left the domain at step \(step)"
            outcome = summary
        }
    }

    /// Four significant digits, for legends and tables.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        return magnitude >= 1e-3 && magnitude < 1e5 ? String(format: "%.4g", value) : String(format: "%.3e", value)
    }
}

extension OptimizerRun {
    enum CodingKeys: String, CodingKey {
        case name, label, hyperparameters, gradientNoise, trajectory, reachedMinimumAtStep, final, diverged, divergedAtStep,
             leftDomainAtStep, distanceTravelled, largestRise, stepsUphill, summary, outcome
    }

    /// As synthesized, except that absent values are written as `null` rather than left out, so
    /// every run in the JSON has the same keys ("reached the minimum at step: null").
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(label, forKey: .label)
        try c.encode(hyperparameters, forKey: .hyperparameters)
        try c.encode(gradientNoise, forKey: .gradientNoise)
        try c.encode(trajectory, forKey: .trajectory)
        try c.encode(reachedMinimumAtStep, forKey: .reachedMinimumAtStep)
        try c.encode(final, forKey: .final)
        try c.encode(diverged, forKey: .diverged)
        try c.encode(divergedAtStep, forKey: .divergedAtStep)
        try c.encode(leftDomainAtStep, forKey: .leftDomainAtStep)
        try c.encode(distanceTravelled, forKey: .distanceTravelled)
        try c.encode(largestRise, forKey: .largestRise)
        try c.encode(stepsUphill, forKey: .stepsUphill)
        try c.encode(summary, forKey: .summary)
        try c.encode(outcome, forKey: .outcome)
    }
}
