/// How a gradient is limited before an update, against the exploding gradients that a steep
/// divergence produces.
///
/// - `value(θ)`: every component is clamped to `[−θ, θ]`; the lecture's "if ∂D > θ then ∂D = θ",
///   with θ typically 5 (Mikolov 2012). It changes the gradient's direction.
/// - `norm(c)`: if the global norm `‖g‖ = √(Σ over all parameter tensors of Σᵢ gᵢ²)` exceeds `c`,
///   every gradient is scaled by `c/‖g‖`; the direction is kept (Pascanu, Mikolov & Bengio 2013,
///   PyTorch's `clip_grad_norm_`).
///
/// Shapes: any; clipping keeps each gradient's shape.
public enum GradientClipping: Equatable, Codable, Sendable {
    /// No clipping.
    case none
    /// Clamp each component to `[−threshold, threshold]`.
    case value(threshold: Double)
    /// Rescale all gradients together so that their global norm is at most `maxNorm`.
    case norm(maxNorm: Double)

    /// Clips the gradients of all parameter tensors of one update together (the norm is global).
    public func apply(to gradients: inout [Tensor]) {
        switch self {
        case .none:
            return
        case .value(let threshold):
            for i in gradients.indices {
                // min/max rather than a clamp helper so that a NaN component stays NaN: hiding
                // a NaN here would turn a diverged run into a silently wrong one.
                gradients[i] = gradients[i].map { $0 > threshold ? threshold : ($0 < -threshold ? -threshold : $0) }
            }
        case .norm(let maxNorm):
            let total = gradients.reduce(0) { $0 + $1.squaredNorm }.squareRoot()
            // Only shrink, never stretch: a small gradient is left exactly as it is.
            guard total > maxNorm else { return }
            let factor = maxNorm / total
            for i in gradients.indices { gradients[i].scale(by: factor) }
        }
    }

    /// Clips one gradient tensor; for `norm`, its own norm is the global norm.
    public func apply(to gradient: inout Tensor) {
        var gradients = [gradient]
        apply(to: &gradients)
        gradient = gradients[0]
    }

    /// Throws a `LabError` unless the threshold is finite and positive.
    public func validate() throws {
        switch self {
        case .none: return
        case .value(let threshold): try HyperparameterCheck.positive(threshold, "clipping threshold θ")
        case .norm(let maxNorm): try HyperparameterCheck.positive(maxNorm, "clipping max norm")
        }
    }
}

extension GradientClipping: CustomStringConvertible {
    /// `none`, `clip-value:5.0` or `clip-norm:1.0`, for legends and logs.
    public var description: String {
        switch self {
        case .none: return "none"
        case .value(let threshold): return "clip-value:\(threshold)"
        case .norm(let maxNorm): return "clip-norm:\(maxNorm)"
        }
    }
}
