import Foundation
import NNEngine

/// Figure 1 (003 deck, "binary classification: sigmoid output with binary cross-entropy"; 004,
/// "L2 or KL"): for one sigmoid output with target t = 1, the loss and its gradient w.r.t. the
/// score z. Under MSE, ∂/∂z ½(σ(z) − 1)² = (σ − 1)σ(1 − σ) vanishes as z → −∞, exactly when the
/// output is most wrong; under cross-entropy, ∂/∂z = σ(z) − 1 → −1 ("the gradient gets small only if
/// the classification is correct"). Two-class softmax cross-entropy on scores (z, 0) is the same
/// function (softmax(z, 0)₁ = σ(z)). All values come from the engine's losses and activation.
public struct OutputGradientResult: Codable, Sendable {
    public var z: [Double]
    public var mseLoss: [Double]
    public var mseGradient: [Double]
    public var crossEntropyLoss: [Double]
    public var crossEntropyGradient: [Double]
    /// Softmax cross-entropy on the scores (z, 0) with class 0 correct, and ∂/∂z.
    public var softmaxLoss: [Double]
    public var softmaxGradient: [Double]
    /// The gradients at z = −10 (confidently wrong) and z = +10 (confidently right).
    public var mseGradientWrong: Double
    public var crossEntropyGradientWrong: Double
    public var mseGradientRight: Double
    public var crossEntropyGradientRight: Double
    /// max |softmax CE − BCE| and of their gradients over the grid.
    public var softmaxBinaryDifference: Double
    /// The worst relative error of each analytic gradient against centred differences.
    public var mseGradientCheck: Double
    public var crossEntropyGradientCheck: Double
}

/// MSE on a sigmoid output as the engine composes it: the activation's forward, the MSE loss on
/// its output, and the chain rule back through `Activation.backward`. Loss `½(σ(z) − t)²`
/// per score (the 004 deck's ½; the engine's MSE is (σ − t)², so it is halved).
/// Shapes: z, t [N, 1].
enum SigmoidMSE {
    static func loss(_ z: Tensor, _ t: Tensor) -> (value: [Double], gradient: Tensor) {
        let y = Activation.sigmoid(z)
        // Per element: the engine's MSE on one row of one score is (y − t)², its gradient 2(y − t)/N.
        let n = Double(z.shape[0])
        let mse = Loss.meanSquaredError(y, .values(t))
        let upstream = mse.gradient * (0.5 * n)
        return (mse.perExample.map { 0.5 * $0 }, Activation.sigmoid.backward(upstream, at: z))
    }
}

enum OutputGradients {
    static func run() -> OutputGradientResult {
        let zs = (0...400).map { -10 + 20 * Double($0) / 400 }
        let n = zs.count
        let z = Tensor(shape: [n, 1], scalars: zs), ones = Tensor(repeating: 1, shape: [n, 1])
        let mse = SigmoidMSE.loss(z, ones)
        let bce = Loss.binaryCrossEntropyWithLogits(z, .values(ones))
        // Per-element gradients: the engine's include 1/N for the batch mean.
        let bceGradient = bce.gradient.scalars.map { $0 * Double(n) }
        let pairs = Tensor(shape: [n, 2], scalars: zs.flatMap { [$0, 0] })
        let softmax = Loss.softmaxCrossEntropy()(pairs, .classes(Array(repeating: 0, count: n)))
        let softmaxGradient = (0..<n).map { softmax.gradient[$0, 0] * Double(n) }
        let difference = zip(softmax.perExample, bce.perExample).map { abs($0 - $1) }
            + zip(softmaxGradient, bceGradient).map { abs($0 - $1) }
        // Each score only moves its own loss term: check every element against the centred
        // difference of its own term. (A check of the summed loss would compare gradients of
        // 1e-9 at z = 10 with rounding of the whole sum, ε·Σℓ/h ≈ 1e-9.)
        let mseCheck = elementwiseCheck(zs, analytic: mse.gradient.scalars) { SigmoidMSE.loss(Tensor(shape: [1, 1], scalars: [$0]), Tensor(shape: [1, 1], scalars: [1])).value[0] }
        let bceCheck = elementwiseCheck(zs, analytic: bceGradient) { Loss.binaryCrossEntropyWithLogits(Tensor(shape: [1, 1], scalars: [$0]), .values(Tensor(shape: [1, 1], scalars: [1]))).value }
        return OutputGradientResult(z: zs, mseLoss: mse.value, mseGradient: mse.gradient.scalars,
                                    crossEntropyLoss: bce.perExample, crossEntropyGradient: bceGradient,
                                    softmaxLoss: softmax.perExample, softmaxGradient: softmaxGradient,
                                    mseGradientWrong: mse.gradient.scalars[0], crossEntropyGradientWrong: bceGradient[0],
                                    mseGradientRight: mse.gradient.scalars[n - 1], crossEntropyGradientRight: bceGradient[n - 1],
                                    softmaxBinaryDifference: difference.max() ?? 0,
                                    mseGradientCheck: mseCheck, crossEntropyGradientCheck: bceCheck)
    }

    /// The largest relative error of `analytic[i]` against `(ℓ(zᵢ + h) − ℓ(zᵢ − h))/2h` for |zᵢ| ≤ 5.
    /// Further out the loss's own rounding dominates the difference quotient: at z = 10 the BCE
    /// softplus(z) − z = 4.5e-5 carries an absolute error of ~1e-15 from the cancellation, 1e-10
    /// in the quotient, 2e-6 of the gradient; the check would measure that, not the formula.
    static func elementwiseCheck(_ zs: [Double], analytic: [Double], h: Double = 1e-5, _ loss: (Double) -> Double) -> Double {
        zip(zs, analytic).filter { abs($0.0) <= 5 }.map { z, a in GradientCheck.relativeError(a, (loss(z + h) - loss(z - h)) / (2 * h)) }.max() ?? 0
    }
}
