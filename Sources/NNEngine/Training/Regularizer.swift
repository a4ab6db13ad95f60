/// A weight penalty `λ R(W)` added to the data loss, `L = (1/N) Σᵢ Lᵢ + λ R(W)`, with its gradient.
///
/// Convention: L2 is `½ λ ‖W‖²` (CS231n and the 000 deck: "add ½λw² for every weight"), so that
/// its gradient is exactly `λ W` and one SGD step decays every weight by `η λ W`.
///
/// | case | `value(W)` | `gradient(W)` |
/// |---|---|---|
/// | `l2(λ)` | `½ λ Σ w²` | `λ w` |
/// | `l1(λ)` | `λ Σ |w|` | `λ sign(w)` (0 at 0) |
/// | `elasticNet(l1: λ₁, l2: λ₂)` | `λ₁ Σ |w| + ½ λ₂ Σ w²` | `λ₁ sign(w) + λ₂ w` |
///
/// L2 is a Gaussian prior on the weights, L1 a Laplace prior that drives weights to exactly 0
/// (the cook book, 003 deck); the elastic net combines them (Zou & Hastie 2005).
/// Shapes: any; the gradient has the weight's shape.
public enum Regularizer: Equatable, Hashable, Sendable {
    case l2(Double)
    case l1(Double)
    case elasticNet(l1: Double, l2: Double)

    /// `λ R(W)` for one weight tensor.
    public func value(_ w: Tensor) -> Double {
        switch self {
        case .l2(let lambda): return 0.5 * lambda * w.map { $0 * $0 }.sum
        case .l1(let lambda): return lambda * w.map { abs($0) }.sum
        case .elasticNet(let l1, let l2): return Regularizer.l1(l1).value(w) + Regularizer.l2(l2).value(w)
        }
    }

    /// `∂(λ R)/∂W` for one weight tensor; the subgradient 0 is used at `w = 0` for L1.
    public func gradient(_ w: Tensor) -> Tensor {
        switch self {
        case .l2(let lambda): return lambda * w
        case .l1(let lambda): return w.map { $0 > 0 ? lambda : ($0 < 0 ? -lambda : 0) }
        case .elasticNet(let l1, let l2): return Regularizer.l1(l1).gradient(w) + Regularizer.l2(l2).gradient(w)
        }
    }

    /// `Σₖ λ R(Wₖ)` over several weight tensors (biases are conventionally not regularized).
    public func value(_ weights: [Tensor]) -> Double {
        weights.reduce(0) { $0 + value($1) }
    }
}
