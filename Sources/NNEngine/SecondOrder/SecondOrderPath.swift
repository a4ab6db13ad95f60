/// The iterates of a second-order method (Newton, L-BFGS) on a 2-D test function, and why it
/// stopped. Point `k` is the iterate after `k` updates (0 is the start).
public struct SecondOrderPath: Equatable, Codable, Sendable {
    /// Why a run ended.
    public enum Stop: Equatable, Codable, Sendable {
        /// ‖∇f‖∞ fell below the tolerance after `step` updates: a stationary point (a minimum,
        /// or for Newton possibly a saddle or a maximum).
        case stationary(step: Int)
        /// The iterate left the run's domain (the saddle's escape, or a divergence).
        case leftDomain(step: Int)
        /// Newton's Hessian was singular at the iterate: no step is defined.
        case singularHessian(step: Int)
        /// The line search found no step satisfying its conditions.
        case lineSearchFailed(step: Int)
        /// Every update was taken.
        case completed(steps: Int)
    }

    public var method: String
    public var points: [TrajectoryPoint]
    /// Function and gradient evaluations (line-search trials included).
    public var evaluations: Int
    public var stop: Stop

    /// The stop as a short phrase for legends.
    public var outcome: String {
        switch stop {
        case .stationary(let k): return "∇f = 0 after \(k) step\(k == 1 ? "" : "s")"
        case .leftDomain(let k): return "left the domain at step \(k)"
        case .singularHessian(let k): return "singular Hessian at step \(k)"
        case .lineSearchFailed(let k): return "line search failed at step \(k)"
        case .completed(let n): return "\(n) steps"
        }
    }

    /// The gradient tolerance ‖∇f‖∞ under which a run stops at a stationary point.
    public static let gradientTolerance = 1e-9
}
