/// Batch normalization over a batch of activations (Ioffe & Szegedy 2015):
/// `x̂ = (x − μ) / √(σ² + ε)`, `y = γ ⊙ x̂ + β`, per feature.
///
/// Shapes: `x`, `y`: [B, D]; `γ`, `β`, running mean and variance: [D].
///
/// Training normalizes with the batch mean `μ_B = (1/B) Σ xᵢ` and the *biased* variance
/// `σ²_B = (1/B) Σ (xᵢ − μ_B)²`, which is what makes each output feature have mean 0 and
/// std 1 exactly (up to ε). It also updates the running estimates the inference pass uses:
/// `μ ← ρ μ + (1 − ρ) μ_B` and `σ² ← ρ σ² + (1 − ρ) · B/(B−1) · σ²_B`, where the `B/(B−1)` factor
/// turns the biased batch variance into an unbiased estimate of the population variance (the
/// 004 deck's inference slide). Inference normalizes with the running estimates, so each
/// example's output no longer depends on the rest of its batch.
public struct BatchNorm: Equatable, Sendable {
    /// `γ`: [D], the learnable scale (starts at 1).
    public var gamma: Tensor
    /// `β`: [D], the learnable shift (starts at 0).
    public var beta: Tensor
    /// The running mean [D] used at inference (starts at 0).
    public var runningMean: Tensor
    /// The running unbiased variance [D] used at inference (starts at 1).
    public var runningVariance: Tensor
    /// `ρ`, the weight of the old running estimate in each update (0.9 as in CS231n).
    public var momentum: Double
    /// `ε`, added to the variance *inside* the square root: a feature that is constant across
    /// the batch has `σ² = 0`, and `1/√(σ² + ε)` stays finite (and differentiable in σ²) where
    /// `1/(√σ² + ε)` would have an infinite derivative at 0.
    public var epsilon: Double

    /// What backward needs: the normalized input `x̂` [B, D], `1/√(σ² + ε)` [D], and which
    /// statistics were used (batch statistics depend on `x`; running ones are constants).
    public struct Cache: Sendable {
        public let normalized: Tensor
        public let inverseStd: Tensor
        public let mode: Mode
    }

    /// The gradients with respect to `x` [B, D], `γ` [D] and `β` [D].
    public struct Gradients: Sendable {
        public let input: Tensor
        public let gamma: Tensor
        public let beta: Tensor
    }

    /// A batch norm over `features` units with `γ = 1`, `β = 0`, running mean 0 and variance 1.
    public init(features: Int, momentum: Double = 0.9, epsilon: Double = 1e-5) {
        gamma = Tensor(repeating: 1, shape: [features])
        beta = Tensor(zeros: [features])
        runningMean = Tensor(zeros: [features])
        runningVariance = Tensor(repeating: 1, shape: [features])
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// `y = γ ⊙ (x − μ)/√(σ² + ε) + β`: [B, D] → [B, D]. In training mode `μ, σ²` are the batch's
    /// (B ≥ 2) and the running estimates are updated; in inference mode they are the running ones.
    public mutating func forward(_ x: Tensor, mode: Mode) -> (output: Tensor, cache: Cache) {
        precondition(x.rank == 2 && x.shape[1] == gamma.count,
                     "batch norm input \(x.shape) does not match \(gamma.count) features")
        let mean: Tensor, variance: Tensor
        switch mode {
        case .training:
            let b = x.shape[0]
            precondition(b >= 2, "batch norm training needs a batch of at least 2, got \(b)")
            mean = x.columnSums * (1 / Double(b))
            let centered = x.broadcastOverRows(mean, -)
            variance = (centered * centered).columnSums * (1 / Double(b))
            let unbiased = variance * (Double(b) / Double(b - 1))
            runningMean = momentum * runningMean + (1 - momentum) * mean
            runningVariance = momentum * runningVariance + (1 - momentum) * unbiased
        case .inference:
            mean = runningMean
            variance = runningVariance
        }
        let inverseStd = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let normalized = x.broadcastOverRows(mean, -).multiplyingEachRow(by: inverseStd)
        let y = normalized.multiplyingEachRow(by: gamma).addingToEachRow(beta)
        return (y, Cache(normalized: normalized, inverseStd: inverseStd, mode: mode))
    }

    /// The inference output, with the running estimates; does not change the layer.
    public func inference(_ x: Tensor) -> Tensor {
        var copy = self
        return copy.forward(x, mode: .inference).output
    }

    /// Gradients from the upstream `∂y` [B, D]. With `g = γ ⊙ ∂y` (the gradient w.r.t. `x̂`), the
    /// lecture's three-term chain rule through `μ_B` and `σ²_B` collapses to the compact form
    /// `∂x = (1/B) · (1/√(σ² + ε)) · (B g − Σᵢ gᵢ − x̂ ⊙ Σᵢ gᵢ x̂ᵢ)`, with sums over the batch.
    /// At inference the statistics are constants and `∂x = g / √(σ² + ε)`.
    /// Always `∂γ = Σᵢ ∂yᵢ ⊙ x̂ᵢ` and `∂β = Σᵢ ∂yᵢ`.
    public func backward(_ upstream: Tensor, cache: Cache) -> Gradients {
        let xhat = cache.normalized
        let dgamma = (upstream * xhat).columnSums
        let dbeta = upstream.columnSums
        let g = upstream.multiplyingEachRow(by: gamma)
        let dx: Tensor
        switch cache.mode {
        case .inference:
            dx = g.multiplyingEachRow(by: cache.inverseStd)
        case .training:
            let b = Double(upstream.shape[0])
            let sumG = g.columnSums
            let sumGX = (g * xhat).columnSums
            // b·g − Σg − x̂ ⊙ Σ(g x̂), then scaled per feature by (1/B)/√(σ² + ε).
            let inner = (b * g).broadcastOverRows(sumG, -) - xhat.multiplyingEachRow(by: sumGX)
            dx = inner.multiplyingEachRow(by: cache.inverseStd * (1 / b))
        }
        return Gradients(input: dx, gamma: dgamma, beta: dbeta)
    }
}
