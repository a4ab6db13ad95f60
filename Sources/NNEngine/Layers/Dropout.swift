/// Dropout: each unit is kept with probability `p` and zeroed otherwise, with a fresh Bernoulli
/// mask `m` for every example and every pass (Srivastava et al. 2014).
///
/// Shapes: `x`, `y`, `m`: [N, D]. The two implementations from the lectures differ in where the
/// `p` goes, so that the expected training output equals the test output:
///
/// | variant | training | inference |
/// |---|---|---|
/// | `inverted` (recommended) | `y = x ⊙ m / p` | `y = x` |
/// | `vanilla` | `y = x ⊙ m` | `y = p · x` |
///
/// Backward multiplies the upstream gradient by the same factor: `∂x = ∂y ⊙ m / p` (inverted),
/// `∂y ⊙ m` (vanilla), `∂y` or `p · ∂y` at inference.
public struct Dropout: Equatable, Sendable {
    /// Where the rescaling by `p` happens.
    public enum Variant: Equatable, Hashable, Sendable {
        /// Scale by `1/p` at training time; inference is the identity (no test-time cost).
        case inverted
        /// Mask only at training time; scale by `p` at inference.
        case vanilla
    }

    /// `p`, the probability of keeping a unit, in (0, 1]. Higher means less dropout.
    public var keepProbability: Double
    public var variant: Variant

    /// What backward needs: the factor each input element was multiplied by ([N, D]), i.e.
    /// `m/p`, `m`, `1` or `p` depending on variant and mode.
    public struct Cache: Sendable {
        public let multiplier: Tensor
    }

    /// The gradient with respect to `x` [N, D].
    public struct Gradients: Sendable {
        public let input: Tensor
    }

    public init(keepProbability: Double = 0.5, variant: Variant = .inverted) {
        precondition(keepProbability > 0 && keepProbability <= 1,
                     "dropout keep probability must be in (0, 1], got \(keepProbability)")
        self.keepProbability = keepProbability
        self.variant = variant
    }

    /// A Bernoulli(p) mask of 0s and 1s: element `i` is 1 when `uᵢ < p`, `uᵢ` ~ U[0, 1) drawn from
    /// `generator` (in `Tensor.random`'s chunked order, so the mask is reproducible from the seed).
    public func mask(shape: [Int], using generator: inout RandomStream) -> Tensor {
        let p = keepProbability
        return Tensor.random(shape: shape, from: BernoulliDistribution(p: p), using: &generator)
    }

    /// `y = x ⊙ multiplier`: [N, D] → [N, D]. Draws a mask from `generator` only in training mode.
    public func forward(_ x: Tensor, mode: Mode,
                        using generator: inout RandomStream) -> (output: Tensor, cache: Cache) {
        let multiplier: Tensor
        switch (mode, variant) {
        case (.training, .inverted): multiplier = mask(shape: x.shape, using: &generator) * (1 / keepProbability)
        case (.training, .vanilla): multiplier = mask(shape: x.shape, using: &generator)
        case (.inference, .inverted): multiplier = Tensor(repeating: 1, shape: x.shape)
        case (.inference, .vanilla): multiplier = Tensor(repeating: keepProbability, shape: x.shape)
        }
        return (x * multiplier, Cache(multiplier: multiplier))
    }

    /// The inference output: `x` (inverted) or `p · x` (vanilla). Needs no generator.
    public func inference(_ x: Tensor) -> Tensor {
        variant == .inverted ? x : keepProbability * x
    }

    /// `∂x = ∂y ⊙ multiplier` from the upstream gradient `∂y` [N, D].
    public func backward(_ upstream: Tensor, cache: Cache) -> Gradients {
        Gradients(input: upstream * cache.multiplier)
    }
}
