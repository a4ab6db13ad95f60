/// A data loss `L = (1/N) Σᵢ Lᵢ` over a batch of N examples, with its gradient w.r.t. the scores.
///
/// Shapes: scores (the network's raw outputs, before any softmax or sigmoid) [N, C]; targets are
/// class indices `[N]` in `0..<C` for the classification losses, or a tensor [N, C] for the others.
/// The gradient has the scores' shape and already includes the `1/N`.
///
/// The classification losses follow CS231n and the Deep Learning Cook Book (003 deck); see each
/// case for its `Lᵢ`.
public enum Loss: Equatable, Hashable, Sendable {
    /// Softmax cross-entropy, `Lᵢ = −Σⱼ qⱼ log softmax(sᵢ)ⱼ`, with `q` the one-hot target, or with
    /// label smoothing `ε` the target `1 − ε` on the correct class and `ε/(C−1)` on the others
    /// (Szegedy et al. 2016; the cook book's form). Targets: classes.
    case softmaxCrossEntropy(labelSmoothing: Double = 0)
    /// Multiclass SVM hinge (Weston & Watkins 1999; CS231n), `Lᵢ = Σ_{j≠yᵢ} max(0, sⱼ − s_yᵢ + Δ)`.
    /// CS231n uses `Δ = 1`; the cook book's worked example uses `Δ = 0`. Targets: classes.
    case multiclassHinge(margin: Double = 1)
    /// Mean squared error, `Lᵢ = (1/C) Σⱼ (sᵢⱼ − tᵢⱼ)²`: the mean over all N·C elements, as
    /// PyTorch's `mse_loss`. Targets: values.
    case meanSquaredError
    /// Mean absolute error (L1), `Lᵢ = (1/C) Σⱼ |sᵢⱼ − tᵢⱼ|`. Targets: values.
    case meanAbsoluteError
    /// Binary cross-entropy on logits, `Lᵢ = (1/C) Σⱼ [softplus(zᵢⱼ) − tᵢⱼ zᵢⱼ]`, which equals
    /// `−t log σ(z) − (1 − t) log(1 − σ(z))` without ever forming `log σ`. Targets: values in [0, 1].
    case binaryCrossEntropyWithLogits

    /// What a loss is compared against.
    public enum Targets: Equatable, Sendable {
        /// The correct class of each example: [N] indices in `0..<C`.
        case classes([Int])
        /// A target for every score: [N, C].
        case values(Tensor)
    }

    /// The value of the loss on a batch and its gradient.
    public struct Result: Sendable {
        /// `L = (1/N) Σᵢ Lᵢ`.
        public let value: Double
        /// `Lᵢ` for each example: [N].
        public let perExample: [Double]
        /// `∂L/∂s`: [N, C].
        public let gradient: Tensor
    }

    /// The loss of `scores` [N, C] against `targets`, and its gradient w.r.t. the scores.
    public func callAsFunction(_ scores: Tensor, _ targets: Targets) -> Result {
        precondition(scores.rank == 2, "loss scores must be [N, C], got \(scores.shape)")
        switch (self, targets) {
        case (.softmaxCrossEntropy(let epsilon), .classes(let labels)):
            return Loss.softmaxCrossEntropy(scores, labels: labels, labelSmoothing: epsilon)
        case (.multiclassHinge(let margin), .classes(let labels)):
            return Loss.multiclassHinge(scores, labels: labels, margin: margin)
        case (.meanSquaredError, .values(let t)), (.meanAbsoluteError, .values(let t)),
             (.binaryCrossEntropyWithLogits, .values(let t)):
            return elementwise(scores, t)
        default:
            preconditionFailure("loss \(self) does not take targets \(targets)")
        }
    }

    /// Checks that `labels` has one class in `0..<C` per row of `scores`.
    static func validate(_ scores: Tensor, labels: [Int]) {
        precondition(labels.count == scores.shape[0],
                     "\(labels.count) labels for scores of shape \(scores.shape)")
        precondition(labels.allSatisfy { (0..<scores.shape[1]).contains($0) },
                     "labels must be in 0..<\(scores.shape[1])")
    }

    /// The per-example means and the batch mean of `Lᵢ = (1/C) Σⱼ ℓ(sᵢⱼ)` for an elementwise `ℓ`.
    static func meanOfRows(_ elementLosses: Tensor) -> (value: Double, perExample: [Double]) {
        let (n, c) = (elementLosses.shape[0], elementLosses.shape[1])
        let perExample = (0..<n).map { elementLosses.row($0).sum / Double(c) }
        return (perExample.reduce(0, +) / Double(n), perExample)
    }
}
