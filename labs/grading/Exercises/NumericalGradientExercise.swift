import NNEngine

/// Exercise `numerical-gradient`: the centered-difference gradient of a supplied function, the
/// mean softmax cross-entropy `f(W) = L(x W, y)` (000 deck, gradient checking; CS231n
/// `eval_numerical_gradient`), computed with the engine's `GradientCheck.centeredDifference`.
///
/// Graded with bands that fit the method rather than 1e-12: a centered difference with
/// `h = 1e-5` in float64 agrees with the exact gradient to O(h²) + O(ε/h) ≈ 1e-9 relative, so full
/// credit is ≤ 1e-7 (any h in [1e-6, 1e-4] passes); a one-sided difference, whose error is O(h),
/// lands near 1e-6 and earns half; beyond 1e-3 it is wrong.
///
/// Inputs: `x` [N, D], `W` [D, C], `y` [N], `h`. Output: `grad` [D, C].
public struct NumericalGradientExercise: Exercise {
    public init() {}
    public let name = "numerical-gradient"
    public let title = "Numerical gradient by centered differences"
    public let lecture = "000 gradient checking"
    public var integerInputs: Set<String> { ["y"] }

    public static let methodBands = [
        ScoreBand(maxRelativeError: 1e-7, credit: 1, label: "as exact as a centered difference gets (≤ 1e-7)"),
        ScoreBand(maxRelativeError: 1e-3, credit: 0.5, label: "one-sided accuracy (1e-7 … 1e-3)"),
    ]

    public var outputs: [OutputSpec] {
        [OutputSpec("grad", "centered-difference gradient of f at W", points: 3, bands: Self.methodBands)]
    }

    public var instructions: String {
        """
        Let `f(W) = (1/N) Σᵢ −log softmax(x @ W)[i, y[i]]`, the mean softmax cross-entropy (see the softmax-loss
        exercise). Without deriving its gradient, estimate it element by element with the centered difference

            grad[i, j] = (f(W + h·E_ij) − f(W − h·E_ij)) / (2h)

        with the given `h` (E_ij is 1 at [i, j] and 0 elsewhere). Compute in float64: in float32 the rounding error
        ε|f|/h ≈ 1e-2 swamps the estimate (that is why the lectures check gradients in double precision).
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let n = ProblemDraws.integer(4...6, using: &g), d = ProblemDraws.integer(3...4, using: &g)
        let c = ProblemDraws.integer(3...4, using: &g)
        return NamedArrays([("x", ProblemDraws.normal([n, d], using: &g)), ("W", ProblemDraws.normal([d, c], std: 0.5, using: &g)),
                            ("y", ProblemDraws.labels(n, classes: c, using: &g)), ("h", .scalar(1e-5))])
    }

    func loss(_ inputs: NamedArrays) -> (Tensor) -> Double {
        let (x, y) = (inputs.require("x"), inputs.integers("y"))
        return { w in Loss.softmaxCrossEntropy(Tensor.matmul(x, w), labels: y).value }
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let (w, h, f) = (inputs.require("W"), inputs.scalar("h"), loss(inputs))
        let grad = (0..<w.count).map { GradientCheck.centeredDifference(f, at: w, index: $0, h: h) }
        return NamedArrays([("grad", Tensor(shape: w.shape, scalars: grad))])
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let (w, h, f) = (inputs.require("W"), inputs.scalar("h"), loss(inputs))
        let f0 = f(w)
        let forward = (0..<w.count).map { i -> Double in
            var probe = w
            probe.scalars[i] += h
            return (f(probe) - f0) / h
        }
        return [
            Mistake(.formula, hint: "grad is a one-sided difference (f(W + h) − f(W))/h: its error is O(h); use the centered one, O(h²)",
                    key: "grad", value: Tensor(shape: w.shape, scalars: forward), credit: 0.5),
            Mistake(.constantFactor, hint: "grad is twice too large: divide the centered difference by 2h, not h",
                    key: "grad", value: reference(for: inputs).require("grad") * 2),
        ]
    }
}
