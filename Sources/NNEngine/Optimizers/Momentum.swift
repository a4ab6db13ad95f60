/// Gradient descent with (heavy-ball) momentum: `v ← μ·v − lr·g`, `x ← x + v`.
///
/// The velocity `v` is a running sum of past steps, so directions where the gradient keeps its
/// sign accelerate (up to `1/(1 − μ)` times the plain step) and oscillating directions cancel.
/// Shapes: `x`, `g`, `v` equal. Reference: Polyak (1964); the lecture's
/// `ΔW⁽ᵏ⁾ = β ΔW⁽ᵏ⁻¹⁾ − η ∇Err(W⁽ᵏ⁻¹⁾)`.
public struct Momentum: Optimizer {
    /// The velocity `v`, starting at zero.
    public typealias State = VelocityState

    public var learningRate: Double
    /// The momentum coefficient μ in [0, 1); 0 is plain SGD.
    public var mu: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.momentum().defaultLearningRate, mu: Double = 0.9,
                options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.mu = mu
        self.options = options
    }

    public var kind: OptimizerKind { .momentum(mu: mu) }

    /// `v ← μ·v − lr·g`; `x ← x + v`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        state.velocity.scale(by: mu)
        state.velocity.add(g, scaledBy: -lr)
        x.add(state.velocity, scaledBy: 1)
    }
}
