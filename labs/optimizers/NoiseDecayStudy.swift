import Foundation
import NNEngine

/// SGD with noisy gradients on the valley `0.1·x² + 2·y²`, at a constant learning rate and at one
/// that decays as `lr₀ / (1 + k·t)` (`LearningRateSchedule.inverseTime`), over many runs: the
/// `004` deck's "SGD converges only when the learning rate decays" (minibatch noise stands in as
/// N(0, σ²) added to each gradient component).
///
/// At a constant rate η the iterate settles into a noise floor: per coordinate of curvature c,
/// `x ← (1 − ηc)x − ησξ` has stationary variance `ησ² / (c(2 − ηc))`. With a decay satisfying
/// Robbins & Monro's conditions (Σηₜ = ∞, Σηₜ² < ∞) the distance keeps shrinking.
public struct NoiseDecayStudy: Codable, Equatable, Sendable {
    /// One schedule: its RMS distance to the minimum over the runs, step by step.
    public struct Curve: Codable, Equatable, Sendable {
        public var name: String
        public var schedule: String
        /// `√(mean over runs of ‖xₜ − x*‖²)` for t = 0…steps.
        public var rmsDistance: [Double]
        /// The learning rate of update t (t = 1…steps).
        public var learningRates: [Double]
    }

    public var function = TestFunction.valley
    public var start = Point2D(-9, 2)
    public var steps = 1000
    public var runs = 40
    public var sigma = 1.0
    public var learningRate = 0.2
    /// k of the inverse-time decay.
    public var decay = 0.02
    public var seed: UInt64
    public var curves: [Curve]
    /// The constant rate's predicted floor `√(Σ_c ησ²/(c(2 − ηc)))` over the valley's curvatures.
    public var predictedFloor: Double

    /// Runs both schedules on the same noise: run r of each draws from `noise.stream(.noise(run: r))`.
    public static func run(seed: UInt64, noise: RandomStream) -> NoiseDecayStudy {
        var study = NoiseDecayStudy(seed: seed, curves: [], predictedFloor: 0)
        let schedules: [(String, LearningRateSchedule)] = [
            ("constant lr \(study.learningRate)", .constant),
            ("lr \(study.learningRate) / (1 + \(study.decay)·t)", .inverseTime(k: study.decay)),
        ]
        study.curves = schedules.map { name, schedule in
            var squared = [Double](repeating: 0, count: study.steps + 1)
            for r in 0..<study.runs {
                var stream = noise.stream(.noise(run: r))
                let optimizer = OptimizerKind.sgd.makeOptimizer(learningRate: study.learningRate,
                                                                options: OptimizerOptions(schedule: schedule))
                let trajectory = Trajectory.run(optimizer, on: study.function, from: study.start, steps: study.steps,
                                                gradientNoise: study.sigma, using: &stream)
                for point in trajectory.points { squared[point.step] += point.x * point.x + point.y * point.y }
            }
            return Curve(name: name, schedule: schedule.description, rmsDistance: squared.map { ($0 / Double(study.runs)).squareRoot() },
                         learningRates: (1...study.steps).map { schedule.learningRate(base: study.learningRate, step: $0) })
        }
        let eta = study.learningRate
        study.predictedFloor = [0.2, 4].map { c in eta * study.sigma * study.sigma / (c * (2 - eta * c)) }.reduce(0, +).squareRoot()
        return study
    }
}
