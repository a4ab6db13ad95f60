/// Vanilla stochastic gradient descent: `x ← x − lr·g`.
///
/// Shapes: `x` and `g` any shape, equal. No state beyond the step count. Reference: Robbins &
/// Monro (1951); the lecture's `x += - learning_rate * dx`.
public struct SGD: Optimizer {
    /// SGD keeps nothing between updates.
    public struct State: OptimizerState {
        public init(zerosLike parameter: Tensor) {}
    }

    public var learningRate: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.sgd.defaultLearningRate, options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.options = options
    }

    public var kind: OptimizerKind { .sgd }

    /// `x ← x − lr·g`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        x.add(g, scaledBy: -lr)
    }
}
