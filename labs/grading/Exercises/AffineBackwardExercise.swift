import NNEngine

/// Exercise `affine-backward`: the gradients of `y = x W + b` (000 deck, backpropagation;
/// CS231n `affine_backward`), computed by the engine's `Affine`.
///
/// Inputs: `x` [N, D], `W` [D, M], `b` [M], `dout` [N, M]. Outputs: `dx = dout Wᵀ` [N, D],
/// `dW = xᵀ dout` [D, M], `db = Σₙ dout` [M]. N, D and M differ, so that a transposed or
/// unsummed answer shows in its shape.
public struct AffineBackwardExercise: Exercise {
    public init() {}
    public let name = "affine-backward"
    public let title = "Backward pass of a fully connected layer"
    public let lecture = "000 backpropagation"

    public let outputs = [OutputSpec("dx", "gradient of the input", points: 2),
                          OutputSpec("dW", "gradient of the weights", points: 2),
                          OutputSpec("db", "gradient of the bias", points: 1)]

    public var instructions: String {
        """
        The forward pass is `out = x @ W + b` with `x` [N, D], `W` [D, M], `b` [M]. Given the upstream
        gradient `dout = ∂L/∂out` [N, M], compute

        - `dx = dout @ W.T`   [N, D]
        - `dW = x.T @ dout`   [D, M]
        - `db = dout.sum(axis=0)`   [M]  (the bias is added to every row, so its gradient sums over the batch)

        Do not divide by N: the 1/N belongs to the loss, whose gradient `dout` already includes it.
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let n = ProblemDraws.integer(6...9, using: &g), d = ProblemDraws.integer(4...5, using: &g)
        let m = ProblemDraws.integer(2...3, using: &g)
        return NamedArrays([("x", ProblemDraws.normal([n, d], using: &g)), ("W", ProblemDraws.normal([d, m], std: 0.5, using: &g)),
                            ("b", ProblemDraws.normal([m], std: 0.1, using: &g)), ("dout", ProblemDraws.normal([n, m], using: &g))])
    }

    func layer(_ inputs: NamedArrays) -> (Affine, Affine.Gradients) {
        let affine = Affine(weight: inputs.require("W"), bias: inputs.require("b"))
        let (_, cache) = affine.forward(inputs.require("x"))
        return (affine, affine.backward(inputs.require("dout"), cache: cache))
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let gradients = layer(inputs).1
        return NamedArrays([("dx", gradients.input), ("dW", gradients.weight), ("db", gradients.bias)])
    }

    /// The products sum terms of either sign: each element's scale is the same product of absolute values.
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? {
        let (x, w, dout) = (inputs.require("x").map(abs), inputs.require("W").map(abs), inputs.require("dout").map(abs))
        switch key {
        case "dx": return Tensor.matmul(dout, w.transposed)
        case "dW": return Tensor.matmul(x.transposed, dout)
        case "db": return dout.columnSums
        default: return nil
        }
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let g = layer(inputs).1
        let n = Double(inputs.require("x").shape[0])
        return [
            Mistake(.transposed, hint: "dW is transposed: W is [D, M], so dW = x.T @ dout, not dout.T @ x", key: "dW", value: g.weight.transposed),
            Mistake(.biasNotSummed, hint: "db is not summed over the batch: db = dout.sum(axis=0)", key: "db", value: inputs.require("dout")),
            Mistake(.constantFactor, hint: "db is the mean over the batch: sum it instead (dout already carries the 1/N)", key: "db",
                    value: g.bias * (1 / n)),
            Mistake(.constantFactor, hint: "dW is divided by N = \(Int(n)): dout already carries the loss's 1/N", key: "dW",
                    value: g.weight * (1 / n)),
            Mistake(.wrongSign, hint: "dx has the wrong sign: backprop multiplies by W.T, no minus", key: "dx", value: -g.input),
        ]
    }
}
