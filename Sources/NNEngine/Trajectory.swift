/// One step of a trajectory: the point after update `step` (0 is the start) and `f` there.
public struct TrajectoryPoint: Equatable, Codable, Sendable {
    /// The number of updates applied: 0 for the start.
    public var step: Int
    public var x: Double
    public var y: Double
    /// `f(x, y)`.
    public var f: Double

    public init(step: Int, x: Double, y: Double, f: Double) {
        self.step = step
        self.x = x
        self.y = y
        self.f = f
    }
}

/// The path an optimizer takes on a 2-D test function, step by step, and how the run ended.
///
/// `points[0]` is the start and `points[k]` the point after update `k`. A run stops early when
/// the loss or the point becomes NaN/∞ (that point is not recorded, so every recorded point can
/// be plotted), or when the point leaves `domain` (that point is recorded, to draw the exit).
public struct Trajectory: Equatable, Codable, Sendable {
    public var function: TestFunction
    /// The optimizer with its learning rate and options, for the legend.
    public var optimizer: OptimizerConfiguration
    /// The standard deviation σ of the noise added to every gradient; 0 for exact gradients.
    public var gradientNoise: Double
    public var points: [TrajectoryPoint]
    public var outcome: TrajectoryOutcome

    /// Runs `optimizer` (a fresh copy: the caller's state is not touched) for `steps` updates
    /// from `start` on `function`, with exact gradients, taken wherever the rule asks
    /// (`Optimizer.step(_:gradientAt:)`, so Nesterov looks ahead). With `domain`, the run stops
    /// when the point leaves it.
    public static func run(_ optimizer: any Optimizer, on function: TestFunction, from start: Point2D,
                           steps: Int, domain: PlotDomain? = nil) -> Trajectory {
        var unused = RandomStream(seed: 0)
        return run(optimizer, on: function, from: start, steps: steps, domain: domain,
                   gradientNoise: 0, using: &unused)
    }

    /// As `run(_:on:from:steps:domain:)`, with noise `N(0, σ²)` drawn from `generator` added to
    /// each component of every gradient: a stand-in for minibatch noise (σ = 0 draws nothing).
    public static func run(_ optimizer: any Optimizer, on function: TestFunction, from start: Point2D,
                           steps: Int, domain: PlotDomain? = nil, gradientNoise sigma: Double,
                           using generator: inout RandomStream) -> Trajectory {
        precondition(steps >= 0, "a trajectory needs steps ≥ 0, got \(steps)")
        precondition(sigma >= 0 && sigma.isFinite, "gradient noise σ must be finite and ≥ 0, got \(sigma)")
        var optimizer = optimizer
        optimizer.reset()
        var x = start.tensor
        var points = [TrajectoryPoint(step: 0, x: start.x, y: start.y, f: function.value(at: start))]
        var outcome = TrajectoryOutcome.completed(steps: steps)
        for k in stride(from: 1, through: steps, by: 1) {
            optimizer.step(&x, gradientAt: { p in
                var g = function.gradient(p)
                if sigma > 0 { g.scalars = g.scalars.map { $0 + sigma * generator.normal() } }
                return g
            })
            let point = Point2D(x)
            let f = function.value(at: point)
            guard point.isFinite, f.isFinite else {
                // A non-finite point makes f NaN; report the loss as the user sees it.
                outcome = .diverged(step: k, loss: .init(f.isFinite ? .nan : f))
                break
            }
            points.append(TrajectoryPoint(step: k, x: point.x, y: point.y, f: f))
            if let domain, !domain.contains(point) {
                outcome = .leftDomain(step: k)
                break
            }
        }
        return Trajectory(function: function, optimizer: optimizer.configuration, gradientNoise: sigma,
                          points: points, outcome: outcome)
    }

    /// The last recorded point.
    public var final: TrajectoryPoint { points[points.count - 1] }
}
