/// Newton's method, `x ← x − (∇²f)⁻¹ ∇f`, with the full step and no line search.
///
/// It jumps to the stationary point of the local quadratic model, whatever its kind: on a
/// quadratic it lands on the minimum in one step, and on `x² − y²` on the saddle point, which is
/// why the lectures say Newton is attracted to saddles (Dauphin et al. 2014) and why deep learning
/// does not use it plainly (besides an n×n Hessian and an O(n³) solve per step).
public enum NewtonMethod {
    /// One Newton step in 2-D: `Δ = −H⁻¹g` with `H⁻¹ = [[c, −b], [−b, a]] / (ac − b²)`;
    /// `nil` when `H` is singular (|det| below 1e-12 of its scale).
    public static func step(from p: Point2D, on f: TestFunction) -> Point2D? {
        let g = f.gradient(x: p.x, y: p.y)
        let h = f.hessian(x: p.x, y: p.y)
        let det = h.xx * h.yy - h.xy * h.xy
        let scale = max(abs(h.xx * h.yy), h.xy * h.xy)
        guard det.isFinite, abs(det) > 1e-12 * scale, abs(det) > 0 else { return nil }
        return Point2D(p.x - (h.yy * g.dx - h.xy * g.dy) / det, p.y - (h.xx * g.dy - h.xy * g.dx) / det)
    }

    /// Newton from `start` for up to `steps` updates, stopping at a stationary point, a singular
    /// Hessian, a non-finite iterate, or on leaving `domain`.
    public static func run(on f: TestFunction, from start: Point2D, steps: Int, domain: PlotDomain) -> SecondOrderPath {
        var p = start
        var points = [TrajectoryPoint(step: 0, x: p.x, y: p.y, f: f.value(at: p))]
        var evaluations = 1
        for k in 0..<steps {
            let g = f.gradient(x: p.x, y: p.y)
            if max(abs(g.dx), abs(g.dy)) <= SecondOrderPath.gradientTolerance {
                return SecondOrderPath(method: "Newton", points: points, evaluations: evaluations, stop: .stationary(step: k))
            }
            guard let next = step(from: p, on: f), next.isFinite else {
                return SecondOrderPath(method: "Newton", points: points, evaluations: evaluations, stop: .singularHessian(step: k))
            }
            p = next
            evaluations += 1
            points.append(TrajectoryPoint(step: k + 1, x: p.x, y: p.y, f: f.value(at: p)))
            if !domain.contains(p) {
                return SecondOrderPath(method: "Newton", points: points, evaluations: evaluations, stop: .leftDomain(step: k + 1))
            }
        }
        let g = f.gradient(x: p.x, y: p.y)
        let stationary = max(abs(g.dx), abs(g.dy)) <= SecondOrderPath.gradientTolerance
        return SecondOrderPath(method: "Newton", points: points, evaluations: evaluations,
                               stop: stationary ? .stationary(step: steps) : .completed(steps: steps))
    }
}
