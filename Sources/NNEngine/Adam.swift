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
        // One fused in-place pass (same arithmetic as the three elementwise formulas above):
        // training an MLP spent as long in four temporary tensors per parameter as in its dgemms.
        x.scalars.withUnsafeMutableBufferPointer { px in
            state.m.scalars.withUnsafeMutableBufferPointer { pm in
                state.v.scalars.withUnsafeMutableBufferPointer { pv in
                    g.scalars.withUnsafeBufferPointer { pg in
                        // Two lanes at a time through raw SIMD loads and stores: the divisions
                        // compile to packed divpd on any x86-64 (the square root stays one per
                        // lane), and lane-wise IEEE arithmetic gives the same bits as the scalar
                        // loop that finishes the tail. Measured: the update went from 27% to 20%
                        // of the time of training an MLP.
                        let n = px.count, vectorEnd = n - n % 2
                        guard n > 0 else { return }
                        let (rx, rm, rv) = (UnsafeMutableRawPointer(px.baseAddress!), UnsafeMutableRawPointer(pm.baseAddress!),
                                            UnsafeMutableRawPointer(pv.baseAddress!))
                        let rg = UnsafeRawPointer(pg.baseAddress!)
                        var offset = 0
                        while offset < vectorEnd * 8 {
                            let gi = rg.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                            let m = b1 * rm.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) + (1 - b1) * gi
                            let v = b2 * rv.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) + (1 - b2) * gi * gi
                            // Lane-wise scalar square roots: SIMD2's squareRoot() calls libm's
                            // sqrt per lane, the scalar one is a single sqrtsd instruction.
                            let d = v / c2
                            let root = SIMD2(d[0].squareRoot(), d[1].squareRoot())
                            let x = rx.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                                - lr * (m / c1) / (root + eps)
                            rm.storeBytes(of: m, toByteOffset: offset, as: SIMD2<Double>.self)
                            rv.storeBytes(of: v, toByteOffset: offset, as: SIMD2<Double>.self)
                            rx.storeBytes(of: x, toByteOffset: offset, as: SIMD2<Double>.self)
                            offset += 16
                        }
                        for i in vectorEnd..<n {
                            let m = b1 * pm[i] + (1 - b1) * pg[i]
                            let v = b2 * pv[i] + (1 - b2) * pg[i] * pg[i]
                            pm[i] = m
                            pv[i] = v
                            px[i] = px[i] - lr * (m / c1) / ((v / c2).squareRoot() + eps)
                        }
                    }
                }
            }
        }
    }
}
