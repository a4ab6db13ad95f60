import NNEngine

/// Exercise `svm-loss`: the multiclass SVM hinge loss `Lᵢ = Σ_{j≠yᵢ} max(0, sⱼ − s_yᵢ + Δ)` and its
/// gradient (003 deck; CS231n lecture 3), computed by the engine's `Loss.multiclassHinge`.
///
/// Part 1 is public: the decks' cat/car/frog example. The decks disagree on its margin (the
/// cook-book deck writes Δ = 0, losses 1.9, 0.0, 10.9; CS231n and another deck Δ = 1, losses 2.9,
/// 0.0, 12.9), so the problem states which (`example_delta`, 0 or 1 per student) and either is
/// graded right when it is the one stated. Part 2 is per student: `scores` [N, C], `y` [N], `delta`.
/// Outputs: `example_losses` [3], `loss` [], `dscores` [N, C].
public struct SVMLossExercise: Exercise {
    public init() {}
    public let name = "svm-loss"
    public let title = "Multiclass SVM (hinge) loss and its gradient"
    public let lecture = "003 loss functions"
    public var integerInputs: Set<String> { ["y", "example_y"] }

    /// The 003 deck's worked example, one row per image (cat, car, frog), columns the class scores.
    static let exampleScores = Tensor(matrix: [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])
    static let exampleLabels = [0, 1, 2]

    public let outputs = [OutputSpec("example_losses", "per-example losses of the lecture's example with example_delta", points: 1),
                          OutputSpec("loss", "mean hinge loss", points: 1),
                          OutputSpec("dscores", "gradient of the mean loss", points: 2)]

    public var instructions: String {
        """
        The multiclass SVM loss of example i with correct class y[i] and margin Δ is
        `Lᵢ = Σ_{j ≠ y[i]} max(0, s[i, j] − s[i, y[i]] + Δ)`, and `loss = (1/N) Σᵢ Lᵢ`.

        1. `example_losses`: the three per-example losses of the lecture's example (scores in `example_scores`,
           correct classes `example_y`) with the margin Δ = `example_delta` stated in your problem.json. The decks
           give 1.9, 0.0, 10.9 for Δ = 0 and 2.9, 0.0, 12.9 for Δ = 1 (CS231n): check yourself.
        2. `loss`: the mean loss of your `scores`, `y` with your `delta`.
        3. `dscores`: its gradient. Every violated margin (> 0) adds 1/N at [i, j] and −1/N at [i, y[i]].
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let n = ProblemDraws.integer(5...8, using: &g), c = ProblemDraws.integer(3...5, using: &g)
        return NamedArrays([("example_scores", Self.exampleScores), ("example_y", Tensor(Self.exampleLabels.map(Double.init))),
                            ("scores", ProblemDraws.normal([n, c], std: 1.5, using: &g)),
                            ("y", ProblemDraws.labels(n, classes: c, using: &g)), ("delta", .scalar(1)),
                            ("example_delta", .scalar(Double(ProblemDraws.integer(0...1, using: &g))))])
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let example = Loss.multiclassHinge(inputs.require("example_scores"), labels: inputs.integers("example_y"),
                                           margin: inputs.scalar("example_delta"))
        let result = Loss.multiclassHinge(inputs.require("scores"), labels: inputs.integers("y"), margin: inputs.scalar("delta"))
        return NamedArrays([("example_losses", Tensor(example.perExample)), ("loss", .scalar(result.value)),
                            ("dscores", result.gradient)])
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let reference = reference(for: inputs)
        let (scores, y, delta) = (inputs.require("scores"), inputs.integers("y"), inputs.scalar("delta"))
        let n = Double(scores.shape[0])
        var noCorrectColumn = reference.require("dscores")
        for (i, label) in y.enumerated() { noCorrectColumn[i, label] = 0 }
        let stated = inputs.scalar("example_delta"), other = 1 - stated
        let withOtherMargin = Loss.multiclassHinge(inputs.require("example_scores"), labels: inputs.integers("example_y"), margin: other)
        return [
            Mistake(.formula, hint: "example_losses uses Δ = \(Int(other)): your problem states example_delta = \(Int(stated))",
                    key: "example_losses", value: Tensor(withOtherMargin.perExample)),
            Mistake(.formula, hint: "the loss includes j = y[i], which adds Δ per example: skip the correct class",
                    key: "loss", value: reference.require("loss") + delta),
            Mistake(.constantFactor, hint: "loss is summed over the batch: divide by N = \(Int(n))", key: "loss",
                    value: reference.require("loss") * n),
            Mistake(.constantFactor, hint: "dscores is not divided by N = \(Int(n))", key: "dscores",
                    value: reference.require("dscores") * n),
            Mistake(.formula, hint: "dscores lacks the −1/N per violated margin at the correct class y[i]",
                    key: "dscores", value: noCorrectColumn),
        ]
    }
}
