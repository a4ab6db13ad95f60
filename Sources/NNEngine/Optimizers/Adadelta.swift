/// Adadelta: RMSprop whose step size is the RMS of recent *updates*, so it needs no learning rate.
///
///     s ← ρ·s + (1 − ρ)·g²
///     Δ = −√(d + ε) / √(s + ε) · g
///     d ← ρ·d + (1 − ρ)·Δ²
///     x ← x + lr·Δ                       (lr = 1 in the paper)
///
/// The ratio `√(d + ε)/√(s + ε)` has the units of `x` over the units of `g`, like the inverse
/// Hessian of Newton's method. Here ε is inside the roots, and it matters: at the first step
/// `d = 0`, so `√ε` alone sets the initial step size (1e-3 for the default 1e-6).
/// Shapes: `x`, `g`, `s`, `d` equal. Reference: Zeiler (2012), Algorithm 1.
public struct Adadelta: Optimizer {
    /// Running means of squared gradients `s` and squared updates `d`, starting at zero.
    public struct State: OptimizerState {
        public var squaredGradients: Tensor
        public var squaredUpdates: Tensor
        public init(zerosLike parameter: Tensor) {
            squaredGradients = Tensor(zeros: parameter.shape)
            squaredUpdates = Tensor(zeros: parameter.shape)
        }
    }

    public var learningRate: Double
    /// The decay rate ρ in [0, 1).
    public var rho: Double
    /// ε > 0 inside both roots.
    public var epsilon: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.adadelta().defaultLearningRate, rho: Double = 0.95,
                epsilon: Double = 1e-6, options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
        self.options = options
    }

    public var kind: OptimizerKind { .adadelta(rho: rho, epsilon: epsilon) }

    /// Zeiler's Algorithm 1, then `x ← x + lr·Δ`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        let (rho, eps) = (self.rho, epsilon)
        state.squaredGradients = Tensor.zip(state.squaredGradients, g) { s, g in rho * s + (1 - rho) * g * g }
        let ratio = Tensor.zip(state.squaredUpdates, state.squaredGradients) { d, s in
            (d + eps).squareRoot() / (s + eps).squareRoot()
        }
        let delta = -(ratio * g)
        state.squaredUpdates = Tensor.zip(state.squaredUpdates, delta) { d, u in rho * d + (1 - rho) * u * u }
        x.add(delta, scaledBy: lr)
    }
}
