/// Adagrad: a per-parameter learning rate that shrinks with the sum of squared past gradients.
///
///     c ← c + g²;   x ← x − lr·g / (√c + ε)
///
/// Parameters with large gradients get small steps; since `c` only grows, every step shrinks over
/// time, which "may stop learning too early" (the lecture). ε keeps the first division finite
/// where `g = 0`; it sits outside the root, as in the lecture's code.
/// Shapes: `x`, `g`, `c` equal. Reference: Duchi, Hazan & Singer (2011).
public struct Adagrad: Optimizer {
    /// The running sum of squared gradients `c`, starting at zero.
    public struct State: OptimizerState {
        public var cache: Tensor
        public init(zerosLike parameter: Tensor) { cache = Tensor(zeros: parameter.shape) }
    }

    public var learningRate: Double
    /// ε > 0 in the denominator.
    public var epsilon: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.adagrad().defaultLearningRate, epsilon: Double = 1e-8,
                options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.epsilon = epsilon
        self.options = options
    }

    public var kind: OptimizerKind { .adagrad(epsilon: epsilon) }

    /// `c ← c + g²`; `x ← x − lr·g/(√c + ε)`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        state.cache = Tensor.zip(state.cache, g) { c, g in c + g * g }
        let eps = epsilon
        x = x - Tensor.zip(g, state.cache) { g, c in lr * g / (c.squareRoot() + eps) }
    }
}
