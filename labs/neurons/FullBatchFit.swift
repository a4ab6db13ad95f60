import Foundation
import NNEngine

/// Full-batch training of a small `Sequential` on any engine loss (the XOR nets, the deep linear
/// net, the 1-D regressions): forward, loss, backward, one optimizer step, `steps` times.
/// The `Trainer` takes class labels and minibatches; these fits are a few hundred points and a
/// regression target, where the whole set is one batch.
enum FullBatchFit {
    struct Outcome {
        var model: Sequential
        /// The loss before each step; it ends early at the first non-finite value (divergence).
        var losses: [Double]
        var finalLoss: Double
    }

    /// Fits `model` to `x` [N, D] against `targets` with `loss` and Adam at `learningRate`.
    static func fit(_ model: Sequential, x: Tensor, targets: Loss.Targets, loss: Loss,
                    learningRate: Double = 0.02, steps: Int) throws -> Outcome {
        var optimizer = try OptimizerConfiguration(kind: .adam(), learningRate: learningRate).makeOptimizer()
        var m = model
        var losses: [Double] = []
        losses.reserveCapacity(steps)
        var unused = RandomStream(seed: 0) // no dropout in these nets: nothing is drawn
        for _ in 0..<steps {
            let (scores, cache) = m.forward(x, mode: .training, using: &unused)
            let result = loss(scores, targets)
            losses.append(result.value)
            guard result.value.isFinite else { break }
            let gradients = m.backward(result.gradient, cache: cache, inputGradient: false)
            m.updateParameters { optimizer.step(&$0, gradients: gradients.parameters) }
        }
        return Outcome(model: m, losses: losses, finalLoss: loss(m.predict(x), targets).value)
    }

    /// The fraction of rows of `scores` [N, C] whose argmax is the label.
    static func accuracy(_ scores: Tensor, labels: [Int]) -> Double {
        let c = scores.shape[1]
        var right = 0
        for (i, label) in labels.enumerated() {
            var best = 0
            for j in 1..<c where scores[i, j] > scores[i, best] { best = j }
            if best == label { right += 1 }
        }
        return Double(right) / Double(max(labels.count, 1))
    }
}
