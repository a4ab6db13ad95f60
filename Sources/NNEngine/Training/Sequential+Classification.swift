import Foundation

extension Sequential {
    /// Class probabilities `softmax(f(x))` in inference mode: [N, D₀] → [N, C], rows summing to 1.
    public func probabilities(_ x: Tensor) -> Tensor {
        Sequential.softmax(predict(x))
    }

    /// The predicted class of each row, `argmax f(x)`: [N].
    public func predictedLabels(_ x: Tensor) -> [Int] {
        Sequential.argmaxRows(predict(x))
    }

    /// The fraction of `data` classified correctly, in [0, 1].
    public func accuracy(on data: Dataset) -> Double {
        Sequential.accuracy(predictedLabels(data.features), data.labels)
    }

    /// Row-wise softmax `pᵢⱼ = exp(sᵢⱼ − maxⱼ sᵢ) / Σₖ exp(sᵢₖ − maxⱼ sᵢ)` of scores [N, C]; the
    /// max is subtracted so that no exponential overflows.
    public static func softmax(_ scores: Tensor) -> Tensor {
        precondition(scores.rank == 2, "softmax needs scores [N, C], got \(scores.shape)")
        let c = scores.shape[1]
        var out = scores.scalars
        out.withUnsafeMutableBufferPointer { p in
            for row in 0..<scores.shape[0] {
                let base = row * c
                var top = -Double.infinity
                for j in 0..<c { top = Swift.max(top, p[base + j]) }
                var total = 0.0
                for j in 0..<c {
                    p[base + j] = exp(p[base + j] - top)
                    total += p[base + j]
                }
                for j in 0..<c { p[base + j] /= total }
            }
        }
        return Tensor(shape: scores.shape, scalars: out)
    }

    /// The index of each row's largest element (the first on ties): [N, C] → [N].
    public static func argmaxRows(_ scores: Tensor) -> [Int] {
        precondition(scores.rank == 2, "argmax needs [N, C], got \(scores.shape)")
        let c = scores.shape[1]
        return (0..<scores.shape[0]).map { row in
            var best = 0
            for j in 1..<c where scores.scalars[row * c + j] > scores.scalars[row * c + best] { best = j }
            return best
        }
    }

    /// The fraction of positions where `predicted` equals `labels`.
    public static func accuracy(_ predicted: [Int], _ labels: [Int]) -> Double {
        precondition(predicted.count == labels.count, "\(predicted.count) predictions for \(labels.count) labels")
        guard !labels.isEmpty else { return .nan }
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }
}
