import NNEngine

/// Exercise `dropout`: inverted dropout forward and backward with supplied random numbers
/// (Srivastava et al. 2014; 000 and 004 decks), so that the mask `m = (u < p)` is defined. The scaling
/// follows the engine's `Dropout` with `.inverted`: `y = x ⊙ m / p`, `∂x = ∂y ⊙ m / p`, and the
/// identity at test time.
///
/// Inputs: `x`, `u`, `dout` [N, D]; `p`, the probability of keeping a unit.
/// Outputs: `out` [N, D], `dx` [N, D], `test_out` [N, D].
public struct DropoutExercise: Exercise {
    public init() {}
    public let name = "dropout"
    public let title = "Inverted dropout, forward and backward"
    public let lecture = "000 dropout"

    public let outputs = [OutputSpec("out", "training forward x·m/p", points: 2),
                          OutputSpec("dx", "backward dout·m/p", points: 2),
                          OutputSpec("test_out", "inference forward", points: 1)]

    public var instructions: String {
        """
        Inverted dropout keeps each unit with probability `p` (here `p` is the *keep* probability) and scales
        the kept ones by 1/p at training time, so that nothing changes at test time. With the supplied uniform
        numbers `u` the mask is `m = (u < p)` (1 = kept). Compute

        - `out = x * m / p`          (training forward)
        - `dx = dout * m / p`        (backward, with the same mask)
        - `test_out`: the inference forward of inverted dropout.
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let n = ProblemDraws.integer(4...6, using: &g), d = ProblemDraws.integer(6...8, using: &g)
        return NamedArrays([("x", ProblemDraws.normal([n, d], using: &g)), ("u", ProblemDraws.uniform([n, d], 0, 1, using: &g)),
                            ("dout", ProblemDraws.normal([n, d], using: &g)),
                            ("p", .scalar(ProblemDraws.pick([0.5, 0.6, 0.7, 0.75, 0.8], using: &g)))])
    }

    /// The mask `m = (u < p)`.
    func mask(_ inputs: NamedArrays) -> Tensor {
        let p = inputs.scalar("p")
        return inputs.require("u").map { $0 < p ? 1 : 0 }
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let p = inputs.scalar("p")
        let dropout = Dropout(keepProbability: p, variant: .inverted)
        let multiplier = mask(inputs) * (1 / p)
        return NamedArrays([("out", inputs.require("x") * multiplier), ("dx", inputs.require("dout") * multiplier),
                            ("test_out", dropout.inference(inputs.require("x")))])
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let (x, dout, p) = (inputs.require("x"), inputs.require("dout"), inputs.scalar("p"))
        let m = mask(inputs)
        let flipped = inputs.require("u").map { $0 >= p ? 1 : 0 }
        // Keeping with probability 1 − p, as when p is taken for the drop probability (for p = 0.5
        // that is the right answer, which the detector never calls a mistake).
        let dropped = inputs.require("u").map { $0 < 1 - p ? 1 : 0 }
        return [
            Mistake(.constantFactor, hint: "forgot to divide by p = \(p): inverted dropout scales kept units by 1/p",
                    answers: NamedArrays([("out", x * m), ("dx", dout * m)])),
            Mistake(.formula, hint: "the mask keeps u ≥ p: p is the keep probability, so keep where u < p",
                    answers: NamedArrays([("out", x * flipped * (1 / p)), ("dx", dout * flipped * (1 / p))])),
            Mistake(.formula, hint: "p is read as the drop probability: here p is the keep probability, so keep where u < p and divide by p",
                    answers: NamedArrays([("out", x * dropped * (1 / (1 - p))), ("dx", dout * dropped * (1 / (1 - p)))])),
            Mistake(.formula, hint: "dx ignores the mask: the dropped units pass no gradient back", key: "dx", value: dout * (1 / p)),
            Mistake(.constantFactor, hint: "test_out is scaled by p: that is vanilla dropout; inverted dropout's test pass is the identity",
                    key: "test_out", value: x * p),
        ]
    }
}
