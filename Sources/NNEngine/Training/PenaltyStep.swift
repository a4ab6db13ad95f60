/// How the trainer applies the L1 part of a `Regularizer`.
///
/// - `subgradient`: add `λ₁ sign(w)` to the gradient (the 003 deck's update rule
///   `Δw = −η(∇J + λ sign(w))`). Each step moves a weight by a fixed `ηλ₁` towards 0, so a weight
///   near 0 jumps across it and back: it hovers at `|w| ≲ ηλ₁` but almost never lands on exactly 0.
/// - `proximal`: take the optimizer's step on the data loss (plus any L2 part), then the proximal
///   map of `ηₜλ₁|w|`, the soft threshold `w ← sign(w) max(|w| − ηₜλ₁, 0)` (ISTA; Beck & Teboulle
///   2009). A weight whose step would cross 0 stops at exactly 0, which is how the lecture's
///   closed form `sign(w*) max(0, |w*| − λ/Hᵢᵢ)` produces exact zeros. With plain SGD this is
///   proximal gradient descent; with an adaptive optimizer the threshold `ηₜλ₁` ignores the
///   per-weight scaling and is a heuristic.
public enum PenaltyStep: String, Codable, Equatable, Hashable, Sendable {
    case subgradient
    case proximal
}

extension Regularizer {
    /// `λ₁`, the strength of the L1 part (0 for L2).
    public var l1Strength: Double {
        switch self {
        case .l2: return 0
        case .l1(let lambda): return lambda
        case .elasticNet(let l1, _): return l1
        }
    }

    /// The differentiable part, whose gradient a proximal step still adds: the L2 part, or nil.
    public var smoothPart: Regularizer? {
        switch self {
        case .l2: return self
        case .l1: return nil
        case .elasticNet(_, let l2): return .l2(l2)
        }
    }

    /// The proximal map of `t·|w|` elementwise, the soft threshold `sign(w) max(|w| − t, 0)`:
    /// the minimizer of `½(v − w)² + t|v|`. Shapes: any → the same.
    public static func softThreshold(_ w: Tensor, by t: Double) -> Tensor {
        precondition(t >= 0, "a soft threshold must be non-negative, got \(t)")
        return w.map { $0 > t ? $0 - t : ($0 < -t ? $0 + t : 0) }
    }
}
