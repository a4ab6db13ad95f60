/// RMSprop: Adagrad with a leaky (exponentially weighted) average of squared gradients.
///
///     c ← ρ·c + (1 − ρ)·g²;   x ← x − lr·g / (√c + ε)
///
/// The step is normalized by the root mean square of recent gradients, so it no longer decays
/// monotonically as Adagrad's does. Typical ρ: 0.9, 0.99, 0.999. ε is outside the root, as in the
/// lecture's code (the 004 deck writes `√(E[g²] + ε)`; the two differ only while `c ≲ ε²`).
/// Shapes: `x`, `g`, `c` equal. Reference: Tieleman & Hinton (2012), Coursera lecture 6.5.
public struct RMSprop: Optimizer {
    /// The running mean of squared gradients `c`, starting at zero.
    public struct State: OptimizerState {
        public var cache: Tensor
        public init(zerosLike parameter: Tensor) { cache = Tensor(zeros: parameter.shape) }
    }

    public var learningRate: Double
    /// The decay rate ρ in [0, 1).
    public var rho: Double
    /// ε > 0 in the denominator.
    public var epsilon: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.rmsprop().defaultLearningRate, rho: Double = 0.9,
                epsilon: Double = 1e-8, options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
        self.options = options
    }

    public var kind: OptimizerKind { .rmsprop(rho: rho, epsilon: epsilon) }

    /// `c ← ρ·c + (1 − ρ)·g²`; `x ← x − lr·g/(√c + ε)`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        let (rho, eps) = (self.rho, epsilon)
        state.cache = Tensor.zip(state.cache, g) { c, g in rho * c + (1 - rho) * g * g }
        x = x - Tensor.zip(g, state.cache) { g, c in lr * g / (c.squareRoot() + eps) }
    }
}
