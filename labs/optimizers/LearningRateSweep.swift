import NNEngine

/// Plain SGD on the long valley at several learning rates: the lecture's "find the learning rate
/// that makes the loss go down". Too small crawls, about right converges, a little too large
/// oscillates across the valley, too large diverges.
public struct LearningRateSweep: Codable, Equatable, Sendable {
    /// One learning rate's run, with what it shows.
    public struct Entry: Codable, Equatable, Sendable {
        public var learningRate: Double
        public var run: OptimizerRun
        /// Visible swings across the valley: sign changes of y between consecutive steps with
        /// `|y|` above `visibleSwing` on both sides (SGD on `2·y²` flips y when `lr > 0.25`).
        public var crossings: Int
        /// "crawls", "converges", "oscillates" or "diverges", from the numbers.
        public var verdict: String
    }

    public var function: TestFunction
    public var start: Point2D
    public var steps: Int
    public var entries: [Entry]

    /// Runs SGD with each of `learningRates` on the valley, with `configuration`'s start, steps,
    /// options and noise (the k-th rate's from `noise.stream(.noise(run: k))`).
    public static func run(_ configuration: OptimizersConfiguration, learningRates: [Double] = LectureSettings.sweepLearningRates,
                           noise: RandomStream) -> LearningRateSweep {
        let function = TestFunction.valley
        let start = configuration.start(on: function)
        let steps = configuration.steps(on: function)
        let entries = learningRates.enumerated().map { index, lr -> Entry in
            var stream = noise.stream(.noise(run: index))
            let trajectory = Trajectory.run(SGD(learningRate: lr, options: configuration.options), on: function, from: start,
                                            steps: steps, domain: FunctionStudy.runDomain(for: function),
                                            gradientNoise: configuration.noise, using: &stream)
            let run = OptimizerRun(trajectory, leavingMeansDivergence: true)
            let crossings = zip(run.trajectory, run.trajectory.dropFirst())
                .filter { $0.y * $1.y < 0 && min(abs($0.y), abs($1.y)) > visibleSwing }.count
            return Entry(learningRate: lr, run: run, crossings: crossings, verdict: verdict(run, crossings: crossings))
        }
        return LearningRateSweep(function: function, start: start, steps: steps, entries: entries)
    }

    /// A swing smaller than 1/1000 of the plot's height (8) is invisible in the figure.
    public static let visibleSwing = 8e-3

    /// What a run shows: it diverges; it oscillates when it visibly swings across the valley on
    /// more than a tenth of its steps; it converges when it gets within 1e-6 of f*; it is slow
    /// when f falls by more than 1000× without converging, and crawls otherwise.
    static func verdict(_ run: OptimizerRun, crossings: Int) -> String {
        let f0 = run.trajectory[0].f
        if let step = run.divergedAtStep { return "diverges: f grows from \(OptimizerRun.short(f0)) to \(OptimizerRun.short(run.final.f)) by step \(step)" }
        let oscillates = 10 * crossings > run.trajectory.count - 1
        if let step = run.reachedMinimumAtStep {
            return oscillates ? "oscillates across the valley (y flips sign \(crossings) times) yet converges: f* + 1e-6 at step \(step)"
                : "converges: f* + 1e-6 at step \(step)"
        }
        if oscillates {
            return "oscillates across the valley (y flips sign \(crossings) times): f = \(OptimizerRun.short(run.final.f)) after \(run.final.step) steps"
        }
        let progress = "f from \(OptimizerRun.short(f0)) to \(OptimizerRun.short(run.final.f)) in \(run.final.step) steps"
        return run.final.f < f0 / 1000 ? "slow: \(progress), not yet within 1e-6" : "crawls: \(progress)"
    }
}
