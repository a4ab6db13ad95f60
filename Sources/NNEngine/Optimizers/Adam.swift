import CKernels
import Foundation

/// Adam: RMSprop with momentum, on bias-corrected running moments of the gradient.
///
///     m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²
///     m̂ = m/(1 − β₁ᵗ)                  v̂ = v/(1 − β₂ᵗ)
///     x ← x − lr·m̂ / (√v̂ + ε)
///
/// Because `m` and `v` start at zero they are biased toward zero early on (by factors
/// `1 − β₁ᵗ` and `1 − β₂ᵗ`); the correction undoes that, so the first steps are `≈ lr` in size
/// rather than tiny or, with β₂ = 0.999 against β₁ = 0.9, too large. `biasCorrection: false`
/// gives the CS231n deck's `x += −lr·m/(√v + ε)`. ε is outside the root, as in the paper.
/// Shapes: `x`, `g`, `m`, `v` equal. Reference: Kingma & Ba (2015), Algorithm 1.
public struct Adam: Optimizer {
    /// The first and second moment estimates `m`, `v`, starting at zero.
    public struct State: OptimizerState {
        public var m: Tensor
        public var v: Tensor
        public init(zerosLike parameter: Tensor) {
            m = Tensor(zeros: parameter.shape)
            v = Tensor(zeros: parameter.shape)
        }
    }

    public var learningRate: Double
    /// Decay of the first moment, β₁ in [0, 1).
    public var beta1: Double
    /// Decay of the second moment, β₂ in [0, 1).
    public var beta2: Double
    /// ε > 0 in the denominator.
    public var epsilon: Double
    /// Divide by `1 − βᵗ` (the paper), or not (the 000 deck's simplified Adam).
    public var biasCorrection: Bool
    public var options: OptimizerOptions
    public var slots: [OptimizerSlot<State>] = []

    public init(learningRate: Double = OptimizerKind.adam().defaultLearningRate, beta1: Double = 0.9,
                beta2: Double = 0.999, epsilon: Double = 1e-8, biasCorrection: Bool = true,
                options: OptimizerOptions = OptimizerOptions()) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.biasCorrection = biasCorrection
        self.options = options
    }

    public var kind: OptimizerKind {
        .adam(beta1: beta1, beta2: beta2, epsilon: epsilon, biasCorrection: biasCorrection)
    }

    /// Kingma & Ba's Algorithm 1 at step `t`.
    public func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int) {
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        // 1 − βᵗ, computed as −expm1(t·ln β): for β₂ = 0.999 and small t, `1 − pow(β₂, t)`
        // would lose about three digits to cancellation.
        let c1 = biasCorrection ? -expm1(Double(t) * log(b1)) : 1
        let c2 = biasCorrection ? -expm1(Double(t) * log(b2)) : 1
        precondition(x.shape == g.shape && state.m.shape == g.shape && state.v.shape == g.shape,
                     "Adam: parameter \(x.shape), gradient \(g.shape), moments \(state.m.shape) and \(state.v.shape) differ")
        // One fused in-place pass, in the paper's efficient order (Kingma & Ba 2015, end of §2):
        // x ← x − αₜ·m/(√v + ε̂) with αₜ = lr·√c₂/c₁ and ε̂ = ε·√c₂, algebraically the formula
        // above, with one division per element instead of three. It runs in C, four lanes at a
        // time: training an MLP spent 15–20% of its time in this loop when Swift ran it one
        // element at a time.
        let stepSize = lr * c2.squareRoot() / c1, epsilonHat = eps * c2.squareRoot()
        x.scalars.withUnsafeMutableBufferPointer { px in
            state.m.scalars.withUnsafeMutableBufferPointer { pm in
                state.v.scalars.withUnsafeMutableBufferPointer { pv in
                    g.scalars.withUnsafeBufferPointer { pg in
                        nnlab_adam_step(px.baseAddress, pm.baseAddress, pv.baseAddress, pg.baseAddress, px.count,
                                        b1, b2, stepSize, epsilonHat)
                    }
                }
            }
        }
    }
}
