import Foundation
import NNEngine

/// Exercise `softmax-loss`: softmax cross-entropy and its gradient, with the initial-loss sanity
/// check `L = log C` for all-zero scores (003 deck; CS231n lecture 3), computed by the engine's
/// `Loss.softmaxCrossEntropy`.
///
/// Inputs: `scores` [N, C], `y` [N]. Outputs: `loss` [], `dscores = (softmax − onehot)/N` [N, C],
/// `initial_loss` [] (the loss of all-zero scores [N, C]).
public struct SoftmaxLossExercise: Exercise {
    public init() {}
    public let name = "softmax-loss"
    public let title = "Softmax cross-entropy loss and its gradient"
    public let lecture = "003 loss functions"
    public var integerInputs: Set<String> { ["y"] }

    public let outputs = [OutputSpec("loss", "mean cross-entropy", points: 1),
                          OutputSpec("dscores", "gradient of the mean loss", points: 2),
                          OutputSpec("initial_loss", "loss of all-zero scores (log C)", points: 1)]

    public var instructions: String {
        """
        With `p = softmax(scores[i])` for each row and `y[i]` the correct class:

        - `loss = (1/N) Σᵢ −log p[i, y[i]]`  (natural log; subtract the row max before `exp` to avoid overflow)
        - `dscores[i, j] = (p[i, j] − 1[j == y[i]]) / N`
        - `initial_loss`: the same loss for scores that are all zero. It is `log C`, the sanity check of a freshly
          initialized network: check it before training anything.
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let n = ProblemDraws.integer(5...8, using: &g), c = ProblemDraws.integer(3...6, using: &g)
        return NamedArrays([("scores", ProblemDraws.normal([n, c], std: 2, using: &g)), ("y", ProblemDraws.labels(n, classes: c, using: &g))])
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let (scores, y) = (inputs.require("scores"), inputs.integers("y"))
        let result = Loss.softmaxCrossEntropy(scores, labels: y)
        let initial = Loss.softmaxCrossEntropy(Tensor(zeros: scores.shape), labels: y)
        return NamedArrays([("loss", .scalar(result.value)), ("dscores", result.gradient), ("initial_loss", .scalar(initial.value))])
    }

    /// `loss = mean(logsumexp(s) − s_y)` and `dscores = (p − onehot)/N` subtract numbers of the
    /// size of the scores (and p ≈ 1 from 1): their rounding scales are those sizes.
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? {
        let (scores, y) = (inputs.require("scores"), inputs.integers("y"))
        let n = Double(scores.shape[0])
        switch key {
        case "loss":
            let size = y.indices.map { i in scores.row(i).scalars.map(abs).max()! + abs(scores[i, y[i]]) }
            return .scalar(size.reduce(0, +) / n)
        case "dscores":
            var size = reference(for: inputs).require("dscores") * n
            for (i, label) in y.enumerated() { size[i, label] += 2 }
            return size.map(abs) * (1 / n)
        default: return nil
        }
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let reference = reference(for: inputs)
        let (scores, y) = (inputs.require("scores"), inputs.integers("y"))
        let n = Double(scores.shape[0])
        var probabilities = reference.require("dscores") * n
        for (i, label) in y.enumerated() { probabilities[i, label] += 1 }
        return [
            Mistake(.constantFactor, hint: "loss is summed over the batch: divide by N = \(Int(n))", key: "loss",
                    value: reference.require("loss") * n),
            Mistake(.constantFactor, hint: "dscores is not divided by N = \(Int(n)): the loss is a mean, so is its gradient",
                    key: "dscores", value: reference.require("dscores") * n),
            Mistake(.formula, hint: "dscores is softmax/N without subtracting 1 at the correct class", key: "dscores",
                    value: probabilities * (1 / n)),
            Mistake(.constantFactor, hint: "the loss uses log10: cross-entropy uses the natural log",
                    answers: NamedArrays([("loss", reference.require("loss") * (1 / M_LN10)),
                                          ("initial_loss", reference.require("initial_loss") * (1 / M_LN10))])),
            Mistake(.wrongSign, hint: "dscores has the wrong sign: it is p − onehot, not onehot − p", key: "dscores",
                    value: -reference.require("dscores")),
        ]
    }
}
