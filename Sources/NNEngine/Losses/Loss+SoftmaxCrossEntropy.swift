import Foundation

extension Loss {
    /// Softmax cross-entropy with optional label smoothing `ε`:
    /// `pᵢ = softmax(sᵢ)`, `Lᵢ = −Σⱼ qᵢⱼ log pᵢⱼ`, `∂L/∂sᵢ = (pᵢ − qᵢ)/N`, where `q` puts `1 − ε` on
    /// the correct class and `ε/(C−1)` on each other class (one-hot when `ε = 0`; see `LabelSmoothing`).
    ///
    /// Shapes: `scores` [N, C], `labels` [N], gradient [N, C]. With all-zero scores `L = log C`,
    /// the initial-loss sanity check of the lectures.
    public static func softmaxCrossEntropy(_ scores: Tensor, labels: [Int], labelSmoothing epsilon: Double = 0) -> Result {
        validate(scores, labels: labels)
        let (n, c) = (scores.shape[0], scores.shape[1])
        precondition(epsilon >= 0 && epsilon < 1 && (epsilon == 0 || c > 1),
                     "label smoothing must be in [0, 1) with at least 2 classes, got \(epsilon) for C = \(c)")
        let smoothing = LabelSmoothing(epsilon)
        var gradient = [Double](repeating: 0, count: n * c)
        var perExample = [Double](repeating: 0, count: n)
        scores.scalars.withUnsafeBufferPointer { s in
            gradient.withUnsafeMutableBufferPointer { g in
                for i in 0..<n {
                    // Subtracting the row max leaves the softmax unchanged and keeps every exp(·) ≤ 1,
                    // so large scores cannot overflow; log Σ exp(sⱼ − max) ≥ 0 since one term is exp(0) = 1.
                    let row = UnsafeBufferPointer(rebasing: s[(i * c)..<(i * c + c)])
                    let top = row.max()!
                    let logSum = log(row.reduce(0) { $0 + exp($1 - top) })
                    var loss = 0.0
                    for j in 0..<c {
                        let logP = row[j] - top - logSum
                        let q = smoothing.target(j, label: labels[i], classCount: c)
                        if q != 0 { loss -= q * logP }
                        g[i * c + j] = (exp(logP) - q) / Double(n)
                    }
                    perExample[i] = loss
                }
            }
        }
        return Result(value: perExample.reduce(0, +) / Double(n), perExample: perExample,
                      gradient: Tensor(shape: [n, c], scalars: gradient))
    }
}
