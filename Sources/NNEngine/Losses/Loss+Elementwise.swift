import Foundation

extension Loss {
    /// The losses that compare every score with its own target, `Lᵢ = (1/C) Σⱼ ℓ(sᵢⱼ, tᵢⱼ)`,
    /// averaged over the batch, with `∂L/∂sᵢⱼ = ℓ′(sᵢⱼ, tᵢⱼ)/(N·C)`:
    ///
    /// | loss | `ℓ(s, t)` | `ℓ′(s, t)` |
    /// |---|---|---|
    /// | MSE | `(s − t)²` | `2(s − t)` |
    /// | MAE (L1) | `|s − t|` | `sign(s − t)` (0 at the kink) |
    /// | BCE with logits | `softplus(s) − t·s` | `σ(s) − t` |
    ///
    /// Shapes: `scores`, `targets`, gradient [N, C].
    func elementwise(_ scores: Tensor, _ targets: Tensor) -> Result {
        precondition(scores.shape == targets.shape,
                     "loss targets \(targets.shape) do not match scores \(scores.shape)")
        let scale = 1 / Double(scores.count)
        let losses: Tensor, gradient: Tensor
        switch self {
        case .meanSquaredError:
            let difference = scores - targets
            losses = difference * difference
            gradient = difference * (2 * scale)
        case .meanAbsoluteError:
            let difference = scores - targets
            losses = difference.map { abs($0) }
            gradient = difference.map { $0 > 0 ? scale : ($0 < 0 ? -scale : 0) }
        case .binaryCrossEntropyWithLogits:
            // −t log σ(z) − (1−t) log(1 − σ(z)) = softplus(z) − t z, and softplus is computed as
            // max(z, 0) + log1p(e^(−|z|)): no overflow for large |z| and no log(0) when σ(z)
            // rounds to 0 or 1, which the naive form suffers from at |z| ≳ 37.
            losses = Tensor.zip(scores, targets) { z, t in Activation.softplus(z) - t * z }
            gradient = Tensor.zip(scores, targets) { z, t in (Activation.sigmoid(z) - t) * scale }
        case .softmaxCrossEntropy, .multiclassHinge:
            preconditionFailure("\(self) takes class labels, not target values")
        }
        let (value, perExample) = Loss.meanOfRows(losses)
        return Result(value: value, perExample: perExample, gradient: gradient)
    }
}
