import NNEngine

/// Every selected optimizer run from the same start on one surface: the data behind that
/// surface's contour plot, loss curve and animation.
public struct FunctionStudy: Codable, Equatable, Sendable {
    public var function: TestFunction
    public var start: Point2D
    public var steps: Int
    /// The rectangle the figures show: the part of the function's domain where the paths go.
    public var domain: PlotDomain
    /// The rectangle a run must stay in: the plot domain for the saddle (leaving it is escaping),
    /// the divergence box otherwise (leaving it is diverging).
    public var runDomain: PlotDomain
    public var runs: [OptimizerRun]

    /// How far beyond the plot a run on a surface bounded below may go before it counts as
    /// diverged: 100 plot widths around the plot's centre. Far enough that a momentum overshoot
    /// is never cut short; near enough that a run whose iterates grow geometrically (SGD with
    /// too large a step on a quadratic never overflows to ∞ in a few hundred steps) stops.
    public static let divergenceBoxScale = 100.0

    /// The domain a run on `function` is limited to.
    public static func runDomain(for function: TestFunction) -> PlotDomain {
        let plot = function.domain
        guard function.minimumValue != nil else { return plot }
        func widen(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            let (centre, half) = ((r.lowerBound + r.upperBound) / 2, (r.upperBound - r.lowerBound) / 2 * divergenceBoxScale)
            return (centre - half)...(centre + half)
        }
        return PlotDomain(x: widen(plot.x), y: widen(plot.y))
    }

    /// Runs `configuration`'s optimizers on `function`; the k-th run draws its gradient noise
    /// (only when σ > 0) from `noise.stream(.noise(run: k))`.
    public static func run(_ function: TestFunction, _ configuration: OptimizersConfiguration,
                           noise: RandomStream) -> FunctionStudy {
        let start = configuration.start(on: function)
        let steps = configuration.steps(on: function)
        let runDomain = runDomain(for: function)
        let runs = configuration.optimizers.enumerated().map { index, kind -> OptimizerRun in
            // Validated with the configuration, so the unchecked factory is safe here.
            let settings = configuration.optimizer(kind, on: function)
            let optimizer = settings.kind.makeOptimizer(learningRate: settings.learningRate, options: settings.options)
            var stream = noise.stream(.noise(run: index))
            let trajectory = Trajectory.run(optimizer, on: function, from: start, steps: steps, domain: runDomain,
                                            gradientNoise: configuration.noise, using: &stream)
            return OptimizerRun(trajectory, leavingMeansDivergence: function.minimumValue != nil)
        }
        // The saddle keeps its whole domain in view: its paths are meant to leave it.
        let points = runs.flatMap { $0.trajectory.map { Point2D($0.x, $0.y) } } + [start] + function.minima
        let domain = function.minimumValue == nil ? function.domain : zoom(function.domain, on: points)
        return FunctionStudy(function: function, start: start, steps: steps, domain: domain,
                             runDomain: runDomain, runs: runs)
    }

    /// Share of each side added around the paths' bounding box when zooming.
    public static let zoomMargin = 0.12

    /// The smallest rectangle holding every point of `points` that lies in `domain`, widened by
    /// `zoomMargin` on each side and to at least a quarter of the domain per axis, then clipped to
    /// `domain`: Beale's paths fill the figure rather than a corner of it, and a path that leaves
    /// the domain (the saddle) keeps the whole domain in view.
    public static func zoom(_ domain: PlotDomain, on points: [Point2D]) -> PlotDomain {
        let inside = points.filter { domain.contains($0) }
        guard let first = inside.first else { return domain }
        func fit(_ values: [Double], _ range: ClosedRange<Double>, _ seed: Double) -> ClosedRange<Double> {
            var (low, high) = values.reduce((seed, seed)) { (Swift.min($0.0, $1), Swift.max($0.1, $1)) }
            let span = range.upperBound - range.lowerBound
            let pad = Swift.max(zoomMargin * (high - low), (span / 4 - (high - low)) / 2, 0)
            (low, high) = (Swift.max(range.lowerBound, low - pad), Swift.min(range.upperBound, high + pad))
            return low...high
        }
        return PlotDomain(x: fit(inside.map(\.x), domain.x, first.x), y: fit(inside.map(\.y), domain.y, first.y))
    }
}
