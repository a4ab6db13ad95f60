/// A line search for a step length α along a descent direction `d` that satisfies the strong
/// Wolfe conditions (Nocedal & Wright, "Numerical Optimization", 2nd ed., Algorithms 3.5 and 3.6):
///
///     f(x + αd) ≤ f(x) + c₁ α ∇fᵀd        (sufficient decrease, Armijo)
///     |∇f(x + αd)ᵀd| ≤ c₂ |∇fᵀd|           (curvature)
///
/// L-BFGS uses it rather than backtracking Armijo because the curvature condition guarantees
/// `sᵀy = α (∇f(x + αd) − ∇f(x))ᵀd > 0`: every stored pair keeps the inverse-Hessian estimate
/// positive definite, so every direction is a descent direction and no pair has to be skipped.
/// Backtracking alone only shortens steps and cannot promise that.
public struct StrongWolfeLineSearch: Sendable {
    /// c₁ = 10⁻⁴ and c₂ = 0.9, the values Nocedal & Wright recommend for quasi-Newton methods.
    public var c1 = 1e-4, c2 = 0.9
    /// Trial steps before giving up (bracketing and zoom together).
    public var maximumTrials = 60
    /// The largest step tried while bracketing.
    public var maximumStep = 1e6

    public init() {}

    /// The result: the step, the new point's value and gradient, and the evaluations spent.
    public struct Step {
        public var alpha: Double
        public var value: Double
        public var gradient: [Double]
        public var evaluations: Int
        /// The step is the first trial that left the caller's region, taken without the Wolfe
        /// conditions: on a function unbounded below (the saddle) f falls without end along the
        /// direction and no step satisfies them.
        public var leftRegion = false
    }

    /// α along `d` from `x` (value `f0`, gradient `g0`); `nil` if `d` is not a descent direction or
    /// no step satisfying both conditions is found within `maximumTrials`. The bracketing phase
    /// doubles α from 1, and stops at the first trial outside `inside`; the zoom bisects the
    /// bracket.
    public func search(_ objective: Objective, from x: [Double], value f0: Double, gradient g0: [Double],
                       direction d: [Double], inside: ([Double]) -> Bool = { _ in true }) -> Step? {
        let slope0 = dot(g0, d)
        guard slope0 < 0 else { return nil }
        var evaluations = 0
        func at(_ alpha: Double) -> (f: Double, g: [Double], slope: Double, p: [Double]) {
            evaluations += 1
            let p = zip(x, d).map { $0 + alpha * $1 }
            let g = objective.gradient(p)
            return (objective.value(p), g, dot(g, d), p)
        }
        // Zoom inside [lo, hi], where lo satisfies sufficient decrease and is the lower of the two.
        func zoom(_ lo0: (alpha: Double, f: Double), _ hi0: Double) -> Step? {
            var lo = lo0, hi = hi0
            while evaluations < maximumTrials {
                let alpha = (lo.alpha + hi) / 2
                let trial = at(alpha)
                if !trial.f.isFinite || trial.f > f0 + c1 * alpha * slope0 || trial.f >= lo.f {
                    hi = alpha
                } else {
                    if abs(trial.slope) <= -c2 * slope0 { return Step(alpha: alpha, value: trial.f, gradient: trial.g, evaluations: evaluations) }
                    if trial.slope * (hi - lo.alpha) >= 0 { hi = lo.alpha }
                    lo = (alpha, trial.f)
                }
            }
            return nil
        }
        var previous = (alpha: 0.0, f: f0)
        var alpha = 1.0
        while evaluations < maximumTrials, alpha <= maximumStep {
            let trial = at(alpha)
            if !trial.f.isFinite || trial.f > f0 + c1 * alpha * slope0 || (previous.alpha > 0 && trial.f >= previous.f) {
                return zoom(previous, alpha)
            }
            if !inside(trial.p) {
                return Step(alpha: alpha, value: trial.f, gradient: trial.g, evaluations: evaluations, leftRegion: true)
            }
            if abs(trial.slope) <= -c2 * slope0 { return Step(alpha: alpha, value: trial.f, gradient: trial.g, evaluations: evaluations) }
            if trial.slope >= 0 { return zoom((alpha, trial.f), previous.alpha) }
            previous = (alpha, trial.f)
            alpha *= 2
        }
        return nil
    }
}

/// A differentiable function of a vector, for the second-order methods.
public struct Objective {
    public var value: ([Double]) -> Double
    public var gradient: ([Double]) -> [Double]

    public init(value: @escaping ([Double]) -> Double, gradient: @escaping ([Double]) -> [Double]) {
        self.value = value
        self.gradient = gradient
    }

    /// A 2-D test function as an objective of `[x, y]`.
    public init(_ f: TestFunction) {
        self.init(value: { f.value(x: $0[0], y: $0[1]) },
                  gradient: { let g = f.gradient(x: $0[0], y: $0[1]); return [g.dx, g.dy] })
    }
}

@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
