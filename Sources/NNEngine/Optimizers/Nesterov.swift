/// Nesterov's accelerated gradient: momentum whose gradient is taken at the look-ahead point.
///
/// Look-ahead form (the lecture's: "first extend the previous step, then compute the gradient at
/// the resultant position"), used by `step(_:gradientAt:)`:
///
///     v ← μ·v − lr·∇f(x + μ·v);   x ← x + v
///
/// Training code only has the gradient at the stored parameters, so `step(_:gradient:)` stores the
/// look-ahead point `x̃ = x + μ·v` instead (Bengio, Boulanger-Lewandowski & Pascanu 2013; CS231n):
///
///     v_prev = v;   v ← μ·v − lr·∇f(x̃);   x̃ ← x̃ − μ·v_prev + (1 + μ)·v
///
/// The two forms visit the same look-ahead points: `x̃ₖ = xₖ + μ·vₖ` at every step `k`, and the
/// same `v`. Shapes: `x`, `g`, `v` equal. References: Nesterov (1983); Sutskever et al. (2013).
public struct Nesterov: Optimizer {
    /// The velocity `v`, starting at zero.
    public typealias State = VelocityState

    public var learningRate: Double
    /// The momentum coefficient μ in [0, 1).
    public var mu: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.nesterov().defaultLearningRate, mu: Double = 0.9,
                options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.mu = mu
        self.options = options
    }

    public var kind: OptimizerKind { .nesterov(mu: mu) }

    /// The look-ahead point `x + μ·v`.
    public func evaluationPoint(_ x: Tensor, state: State) -> Tensor {
        var point = x
        point.add(state.velocity, scaledBy: mu)
        return point
    }

    /// `v ← μ·v − lr·g` with `g = ∇f(x + μ·v)`; `x ← x + v`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        state.velocity.scale(by: mu)
        state.velocity.add(g, scaledBy: -lr)
        x.add(state.velocity, scaledBy: 1)
    }

    /// `v ← μ·v − lr·g` with `g = ∇f(x̃)`; `x̃ ← x̃ − μ·v_prev + (1 + μ)·v`.
    public func reparametrizedUpdate(_ x: inout Tensor, gradient g: Tensor, state: inout State,
                                     learningRate lr: Double, step t: Int) {
        let previous = state.velocity
        state.velocity.scale(by: mu)
        state.velocity.add(g, scaledBy: -lr)
        x.add(previous, scaledBy: -mu)
        x.add(state.velocity, scaledBy: 1 + mu)
    }
}
