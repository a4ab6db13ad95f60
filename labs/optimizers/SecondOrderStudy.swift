import NNEngine

/// Newton's method and L-BFGS on each selected surface, from the same start as the first-order
/// rules, with SGD's and Adam's paths of the same run beside them (the `004` deck's second-order
/// slides: no learning rate, the quadratic model's step, Newton's pull toward saddles).
public struct SecondOrderStudy: Codable, Equatable, Sendable {
    /// One surface: the second-order paths and the first-order ones drawn beside them.
    public struct Surface: Codable, Equatable, Sendable {
        public var function: TestFunction
        public var start: Point2D
        /// The rectangle the figure shows.
        public var domain: PlotDomain
        public var secondOrder: [SecondOrderPath]
        public var firstOrder: [OptimizerRun]
    }

    public var surfaces: [Surface]
    /// The L-BFGS memories drawn: m = 1 (one pair: a scaled secant step) and m = 5.
    public static let memories = [1, 5]
    /// The most updates of a second-order run; they stop much earlier at a stationary point.
    public static let stepLimit = 200

    /// Runs Newton and L-BFGS on every surface of `result`.
    public static func run(_ result: OptimizersResult) -> SecondOrderStudy {
        let surfaces = result.studies.map { study -> Surface in
            let f = study.function
            let steps = min(stepLimit, study.steps)
            let paths = [NewtonMethod.run(on: f, from: study.start, steps: steps, domain: study.runDomain)]
                + memories.map { LBFGS(memory: $0).path(on: f, from: study.start, steps: steps, domain: study.runDomain) }
            let firstOrder = study.runs.filter {
                if case .sgd = $0.hyperparameters.kind { return true }
                if case .adam = $0.hyperparameters.kind { return true }
                return false
            }
            let points = paths.flatMap { $0.points.map { Point2D($0.x, $0.y) } }
                + firstOrder.flatMap { $0.trajectory.map { Point2D($0.x, $0.y) } } + [study.start] + f.minima
            let domain = f.minimumValue == nil ? f.domain : FunctionStudy.zoom(f.domain, on: points)
            return Surface(function: f, start: study.start, domain: domain, secondOrder: paths, firstOrder: firstOrder)
        }
        return SecondOrderStudy(surfaces: surfaces)
    }
}
