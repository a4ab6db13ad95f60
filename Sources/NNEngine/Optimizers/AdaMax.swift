import Foundation

/// AdaMax: Adam with the second moment replaced by an exponentially weighted infinity norm.
///
///     m ← β₁·m + (1 − β₁)·g
///     u ← max(β₂·u, |g|)
///     x ← x − lr/(1 − β₁ᵗ) · m/u
///
/// `u` needs no bias correction (it is not an average that starts at zero, but a max), and no ε:
/// `u ≥ |g|` of every gradient seen. The one case left is `u = 0`, which happens only while every
/// gradient so far was exactly zero, so `m = 0` too and the update is taken as 0 instead of 0/0.
/// Shapes: `x`, `g`, `m`, `u` equal. Reference: Kingma & Ba (2015), §7.1, Algorithm 2.
public struct AdaMax: Optimizer {
    /// The first moment `m` and the infinity norm `u`, starting at zero.
    public struct State: OptimizerState {
        public var m: Tensor
        public var u: Tensor
        public init(zerosLike parameter: Tensor) {
            m = Tensor(zeros: parameter.shape)
            u = Tensor(zeros: parameter.shape)
        }
    }

    public var learningRate: Double
    /// Decay of the first moment, β₁ in [0, 1).
    public var beta1: Double
    /// Decay of the infinity norm, β₂ in [0, 1).
    public var beta2: Double
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.adamax().defaultLearningRate, beta1: Double = 0.9,
                beta2: Double = 0.999, options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.options = options
    }

    public var kind: OptimizerKind { .adamax(beta1: beta1, beta2: beta2) }

    /// Kingma & Ba's Algorithm 2 at step `t`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        let (b1, b2) = (beta1, beta2)
        state.m = Tensor.zip(state.m, g) { m, g in b1 * m + (1 - b1) * g }
        state.u = Tensor.zip(state.u, g) { u, g in Swift.max(b2 * u, abs(g)) }
        // 1 − β₁ᵗ without cancellation; see `Adam`.
        let stepSize = lr / -expm1(Double(t) * log(b1))
        x = x - Tensor.zip(state.m, state.u) { m, u in u == 0 ? 0 : stepSize * m / u }
    }
}
