import NNEngine

/// The parameters of one optimizers-lab run. Everything left `nil` takes the per-function
/// lecture default of `LectureSettings`, so the bare `lab optimizers` tells the lecture's story
/// and any flag overrides it for every function.
public struct OptimizersConfiguration: Codable, Equatable, Sendable {
    /// The surfaces to run on; all five by default.
    public var functions: [TestFunction]
    /// The rules to compare, with their hyperparameters; the eight of the lecture by default.
    public var optimizers: [OptimizerKind]
    /// The common start; `nil` for each function's `LectureSettings.start`.
    public var start: Point2D?
    /// Updates per run; `nil` for each function's `LectureSettings.steps`.
    public var steps: Int?
    /// One learning rate for every optimizer; `nil` for the tuned per-function rates.
    public var learningRate: Double?
    /// `--momentum`, `--beta1`, `--beta2`, `--rho`, `--eps`.
    public var overrides: HyperparameterOverrides
    /// Clipping, weight decay and schedule, shared by every optimizer.
    public var options: OptimizerOptions
    /// σ of the N(0, σ²) noise added to every gradient component (stochastic mode); 0 = exact.
    public var noise: Double
    /// Seeds the gradient noise.
    public var seed: UInt64
    /// Render the animated GIFs.
    public var animation: Bool

    /// The eight rules of the lecture, in the legend's order.
    public static let lectureOptimizers: [OptimizerKind] = [
        .sgd, .momentum(), .nesterov(), .adagrad(), .rmsprop(), .adadelta(), .adam(), .adamax(),
    ]
    /// The most updates a run may take: 8 optimizers × 100 000 points is ~100 MB of JSON
    /// per figure, and gnuplot draws every point.
    public static let stepLimit = 100_000
    /// The largest start coordinate: far beyond that, every surface overflows in a few steps.
    public static let startLimit = 1e6

    public init(functions: [TestFunction] = TestFunction.allCases, optimizers: [OptimizerKind] = lectureOptimizers,
                start: Point2D? = nil, steps: Int? = nil, learningRate: Double? = nil,
                overrides: HyperparameterOverrides = HyperparameterOverrides(), options: OptimizerOptions = OptimizerOptions(),
                noise: Double = 0, seed: UInt64 = 0, animation: Bool = true) {
        self.functions = functions
        self.optimizers = optimizers
        self.start = start
        self.steps = steps
        self.learningRate = learningRate
        self.overrides = overrides
        self.options = options
        self.noise = noise
        self.seed = seed
        self.animation = animation
    }

    /// The updates per run on `function`.
    public func steps(on function: TestFunction) -> Int { steps ?? LectureSettings.steps(on: function) }

    /// The start on `function`.
    public func start(on function: TestFunction) -> Point2D { start ?? LectureSettings.start(on: function) }

    /// The full configuration of optimizer `kind` on `function`: overrides applied, the tuned or
    /// given learning rate, the shared options.
    public func optimizer(_ kind: OptimizerKind, on function: TestFunction) -> OptimizerConfiguration {
        let kind = overrides.applied(to: kind)
        return OptimizerConfiguration(kind: kind, learningRate: learningRate ?? LectureSettings.learningRate(kind, on: function),
                                      options: options)
    }

    /// Checks every value before any work is done.
    /// - Throws: `LabError` with a one-line message naming the bad value and the allowed range.
    public func validate() throws {
        guard !functions.isEmpty else { throw LabError("no test function selected; valid: \(TestFunction.allCases.map(\.rawValue).joined(separator: ", "))") }
        guard !optimizers.isEmpty else { throw LabError("no optimizer selected; valid: \(OptimizerKind.names.joined(separator: ", "))") }
        if let steps, !(1...Self.stepLimit).contains(steps) {
            throw LabError("steps must be in 1...\(Self.stepLimit), got \(steps)")
        }
        if let start, !(start.isFinite && abs(start.x) <= Self.startLimit && abs(start.y) <= Self.startLimit) {
            throw LabError("start (\(start.x), \(start.y)) must be finite with |x|, |y| ≤ \(Self.startLimit)")
        }
        guard noise.isFinite, noise >= 0 else { throw LabError("noise σ must be a finite number ≥ 0, got \(noise)") }
        for function in functions {
            for kind in optimizers { try optimizer(kind, on: function).validate() }
        }
    }
}
