import Foundation

/// Label smoothing, noise on the class labels (Szegedy et al. 2016; the cook book, 003 deck):
/// softmax cross-entropy against the smoothed one-hot target
/// `q = (ε/(C−1), …, 1 − ε, …, ε/(C−1))` instead of `(0, …, 1, …, 0)`.
///
/// Why: a softmax never reaches exactly 0 or 1, so against a one-hot target the loss keeps
/// falling as the correct score runs away from the others, and training grows the weights
/// forever. Against `q` the loss has a finite minimum, where `softmax(s) = q`: the correct score
/// leads every other by `log((1 − ε)(C − 1)/ε)` and the confidence is `1 − ε`.
///
/// `L = (1/N) Σᵢ −Σⱼ qᵢⱼ log softmax(sᵢ)ⱼ`, `∂L/∂sᵢⱼ = (softmax(sᵢ)ⱼ − qᵢⱼ)/N`.
/// Shapes: scores [N, C], labels [N], targets and gradient [N, C].
public struct LabelSmoothing: Equatable, Hashable, Sendable {
    /// `ε`, the probability mass moved from the correct class to the others, in [0, 1).
    public var epsilon: Double

    public init(_ epsilon: Double) {
        precondition(epsilon >= 0 && epsilon < 1, "label smoothing ε must be in [0, 1), got \(epsilon)")
        self.epsilon = epsilon
    }

    /// `qⱼ` for class `j` of an example of class `label` among `classCount` classes:
    /// `1 − ε` for the correct class, `ε/(C − 1)` for every other one.
    public func target(_ j: Int, label: Int, classCount c: Int) -> Double {
        precondition(epsilon == 0 || c > 1, "label smoothing needs at least 2 classes, got C = \(c)")
        return j == label ? 1 - epsilon : (c > 1 ? epsilon / Double(c - 1) : 0)
    }

    /// The smoothed targets of a batch: [N, C], each row summing to 1.
    public func targets(labels: [Int], classCount c: Int) -> Tensor {
        var q = [Double](repeating: 0, count: labels.count * c)
        for (i, y) in labels.enumerated() {
            for j in 0..<c { q[i * c + j] = target(j, label: y, classCount: c) }
        }
        return Tensor(shape: [labels.count, c], scalars: q)
    }

    /// The smoothed cross-entropy of `scores` [N, C] and its gradient (see `Loss.softmaxCrossEntropy`).
    public func loss(_ scores: Tensor, labels: [Int]) -> Loss.Result {
        Loss.softmaxCrossEntropy(scores, labels: labels, labelSmoothing: epsilon)
    }

    /// The confidence (largest softmax probability) at the loss's minimum: `1 − ε`, or 1 (never
    /// reached) without smoothing.
    public var optimalConfidence: Double { 1 - epsilon }

    /// The lead of the correct score over every other at the minimum, `log((1 − ε)(C − 1)/ε)`:
    /// finite for `ε > 0`, infinite without smoothing.
    public func optimalScoreGap(classCount c: Int) -> Double {
        epsilon == 0 ? .infinity : log((1 - epsilon) * Double(c - 1) / epsilon)
    }

    /// The smallest loss reachable, the entropy of `q`: `−(1−ε) log(1−ε) − ε log(ε/(C−1))`.
    public func minimumLoss(classCount c: Int) -> Double {
        guard epsilon > 0 else { return 0 }
        return -(1 - epsilon) * log(1 - epsilon) - epsilon * log(epsilon / Double(c - 1))
    }
}
