/// Limited-memory BFGS (Nocedal 1980; Liu & Nocedal 1989) with a strong-Wolfe line search.
///
/// It keeps the last `m` pairs `sᵢ = xᵢ₊₁ − xᵢ`, `yᵢ = ∇fᵢ₊₁ − ∇fᵢ` and applies the BFGS inverse
/// Hessian they define, `Hᵢ₊₁ = (I − ρᵢsᵢyᵢᵀ) Hᵢ (I − ρᵢyᵢsᵢᵀ) + ρᵢsᵢsᵢᵀ` with `ρᵢ = 1/yᵢᵀsᵢ`
/// from `H⁰ = γI`, `γ = sᵀy / yᵀy` of the newest pair, to the gradient by the two-loop recursion
/// in O(mn) without forming any matrix. The direction is `d = −H∇f`; the step comes from
/// `StrongWolfeLineSearch`.
public struct LBFGS: Sendable {
    /// The memory m: how many pairs are kept.
    public var memory: Int
    public var lineSearch = StrongWolfeLineSearch()

    public init(memory: Int) {
        precondition(memory >= 1, "L-BFGS needs a memory m ≥ 1, got \(memory)")
        self.memory = memory
    }

    /// One curvature pair.
    public struct Pair: Equatable, Sendable {
        public var s: [Double], y: [Double]
        public init(s: [Double], y: [Double]) { self.s = s; self.y = y }
    }

    /// The two-loop recursion (Nocedal & Wright, Algorithm 7.4): `−H g` for the inverse Hessian
    /// of `pairs` (oldest first). With no pairs, `−g`.
    ///
    ///     q = g;  for i = newest…oldest: αᵢ = ρᵢ sᵢᵀq,  q −= αᵢ yᵢ
    ///     r = γ q; for i = oldest…newest: β = ρᵢ yᵢᵀr,  r += sᵢ (αᵢ − β);   d = −r
    public static func direction(gradient g: [Double], pairs: [Pair]) -> [Double] {
        var q = g
        var alphas = [Double](repeating: 0, count: pairs.count)
        for i in pairs.indices.reversed() {
            let rho = 1 / dot(pairs[i].y, pairs[i].s)
            alphas[i] = rho * dot(pairs[i].s, q)
            for j in q.indices { q[j] -= alphas[i] * pairs[i].y[j] }
        }
        let gamma = pairs.last.map { dot($0.s, $0.y) / dot($0.y, $0.y) } ?? 1
        var r = q.map { gamma * $0 }
        for i in pairs.indices {
            let rho = 1 / dot(pairs[i].y, pairs[i].s)
            let beta = rho * dot(pairs[i].y, r)
            for j in r.indices { r[j] += pairs[i].s[j] * (alphas[i] - beta) }
        }
        return r.map { -$0 }
    }

    /// The iterates of a run, and the pairs in memory at each step (for tests).
    public struct Run {
        public var iterates: [[Double]]
        public var values: [Double]
        public var evaluations: Int
        public var stop: SecondOrderPath.Stop
    }

    /// Runs from `start` for up to `steps` updates. `stepLength`, when given, replaces the line
    /// search (the tests pass the exact minimizer along `d` of a quadratic); `inside` ends the run
    /// when an iterate leaves the region it accepts.
    public func run(_ objective: Objective, from start: [Double], steps: Int,
                    stepLength: ((_ x: [Double], _ d: [Double], _ g: [Double]) -> Double)? = nil,
                    inside: ([Double]) -> Bool = { _ in true }) -> Run {
        var x = start, f = objective.value(x), g = objective.gradient(x)
        var run = Run(iterates: [x], values: [f], evaluations: 1, stop: .completed(steps: steps))
        var pairs: [Pair] = []
        for k in 0..<steps {
            if g.map(abs).max() ?? 0 <= SecondOrderPath.gradientTolerance { run.stop = .stationary(step: k); return run }
            let d = Self.direction(gradient: g, pairs: pairs)
            let next: (x: [Double], f: Double, g: [Double])
            if let stepLength {
                let alpha = stepLength(x, d, g)
                let p = zip(x, d).map { $0 + alpha * $1 }
                next = (p, objective.value(p), objective.gradient(p))
                run.evaluations += 1
            } else {
                guard let step = lineSearch.search(objective, from: x, value: f, gradient: g, direction: d, inside: inside) else {
                    run.stop = .lineSearchFailed(step: k)
                    return run
                }
                next = (zip(x, d).map { $0 + step.alpha * $1 }, step.value, step.gradient)
                run.evaluations += step.evaluations
            }
            let pair = Pair(s: zip(next.x, x).map { $0 - $1 }, y: zip(next.g, g).map { $0 - $1 })
            // Under the Wolfe conditions sᵀy > 0 always; a pair without positive curvature (only
            // possible with a given step length) would break positive definiteness and is dropped.
            if dot(pair.s, pair.y) > 0 {
                pairs.append(pair)
                if pairs.count > memory { pairs.removeFirst() }
            }
            (x, f, g) = next
            run.iterates.append(x)
            run.values.append(f)
            if !(f.isFinite && x.allSatisfy(\.isFinite)) || !inside(x) { run.stop = .leftDomain(step: k + 1); return run }
        }
        if g.map(abs).max() ?? 0 <= SecondOrderPath.gradientTolerance { run.stop = .stationary(step: steps) }
        return run
    }

    /// L-BFGS on a 2-D test function, recorded as a path.
    public func path(on f: TestFunction, from start: Point2D, steps: Int, domain: PlotDomain) -> SecondOrderPath {
        let run = run(Objective(f), from: [start.x, start.y], steps: steps, inside: { domain.contains(Point2D($0[0], $0[1])) })
        let points = zip(run.iterates, run.values).enumerated().map { k, pv in TrajectoryPoint(step: k, x: pv.0[0], y: pv.0[1], f: pv.1) }
        return SecondOrderPath(method: "L-BFGS (m = \(memory))", points: points, evaluations: run.evaluations, stop: run.stop)
    }
}
