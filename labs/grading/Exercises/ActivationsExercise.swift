import NNEngine

/// Exercise `activations`: forward and backward of sigmoid, tanh, ReLU and leaky ReLU
/// (000 deck, "activation functions"; CS231n lecture 6).
///
/// Inputs: `z` [N, D], the upstream gradient `dout` [N, D] and the leaky slope `a`.
/// Outputs: `f(z)` and `dout ⊙ f′(z)` for each nonlinearity, all [N, D].
public struct ActivationsExercise: Exercise {
    public init() {}
    public let name = "activations"
    public let title = "Activation functions: forward and backward"
    public let lecture = "000 activation functions"

    static let functions: [(key: String, label: String)] = [("sigmoid", "σ(z) = 1/(1+e^(−z))"), ("tanh", "tanh z"),
                                                            ("relu", "max(0, z)"), ("leaky_relu", "z if z > 0 else a·z")]

    public var outputs: [OutputSpec] {
        Self.functions.flatMap { f in
            [OutputSpec(f.key, "forward \(f.label)", points: 0.5), OutputSpec("d_\(f.key)", "backward dout ⊙ f′(z)", points: 1)]
        }
    }

    public var instructions: String {
        """
        For every element of `z` compute the forward value `f(z)` and the backward value `dout * f'(z)`
        (the chain rule: the local derivative times the upstream gradient) for:

        | key | f(z) | f'(z) |
        |---|---|---|
        | `sigmoid`, `d_sigmoid` | σ(z) = 1/(1 + exp(−z)) | σ(z)(1 − σ(z)) |
        | `tanh`, `d_tanh` | tanh(z) | 1 − tanh(z)² |
        | `relu`, `d_relu` | max(0, z) | 1 if z > 0 else 0 |
        | `leaky_relu`, `d_leaky_relu` | z if z > 0 else a·z | 1 if z > 0 else a |

        with the slope `a` from problem.json. Compute σ without overflow for large |z|.
        """
    }

    func activation(_ key: String, slope: Double) -> Activation {
        switch key {
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "relu": return .relu
        default: return .leakyReLU(slope: slope)
        }
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let n = ProblemDraws.integer(4...6, using: &g), d = ProblemDraws.integer(5...7, using: &g)
        return NamedArrays([("z", ProblemDraws.normal([n, d], std: 2.5, using: &g)),
                            ("dout", ProblemDraws.normal([n, d], using: &g)),
                            ("a", .scalar(ProblemDraws.pick([0.01, 0.05, 0.1, 0.2], using: &g)))])
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let (z, dout, a) = (inputs.require("z"), inputs.require("dout"), inputs.scalar("a"))
        var out = NamedArrays()
        for f in Self.functions {
            let act = activation(f.key, slope: a)
            out[f.key] = act(z)
            out["d_\(f.key)"] = dout * act.derivative(z)
        }
        return out
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let (z, dout, a) = (inputs.require("z"), inputs.require("dout"), inputs.scalar("a"))
        let sigmoid = Activation.sigmoid(z)
        return [
            Mistake(.formula, hint: "d_sigmoid is σ'(z) alone: multiply by the upstream gradient dout", key: "d_sigmoid",
                    value: Activation.sigmoid.derivative(z)),
            Mistake(.formula, hint: "d_sigmoid uses z(1 − z): the derivative is σ(z)(1 − σ(z)), in terms of the output",
                    key: "d_sigmoid", value: dout * z * z.map { 1 - $0 }),
            Mistake(.formula, hint: "d_sigmoid applies σ' to σ(z): σ(z)(1 − σ(z)) already is the derivative", key: "d_sigmoid",
                    value: dout * Activation.sigmoid.derivative(sigmoid)),
            Mistake(.formula, hint: "d_tanh is 1 − tanh(z)² alone: multiply by the upstream gradient dout", key: "d_tanh",
                    value: Activation.tanh.derivative(z)),
            Mistake(.formula, hint: "d_relu is the gate alone: multiply by the upstream gradient dout", key: "d_relu",
                    value: Activation.relu.derivative(z)),
            Mistake(.formula, hint: "d_leaky_relu is the local slope alone: multiply by the upstream gradient dout", key: "d_leaky_relu",
                    value: Activation.leakyReLU(slope: a).derivative(z)),
            Mistake(.formula, hint: "d_tanh uses 1 − tanh(z): the derivative is 1 − tanh(z)²", key: "d_tanh",
                    value: dout * Activation.tanh(z).map { 1 - $0 }),
            Mistake(.formula, hint: "d_relu gates on dout: the gate is z > 0, the input of the forward pass", key: "d_relu",
                    value: Activation.relu(dout)),
            Mistake(.formula, hint: "d_leaky_relu uses slope 0 for z ≤ 0: that is ReLU's derivative, leaky ReLU's is a",
                    key: "d_leaky_relu", value: dout * Activation.relu.derivative(z)),
            Mistake(.formula, hint: "leaky_relu uses the slope for z > 0: it is z for z > 0 and a·z below", key: "leaky_relu",
                    value: z.map { $0 > 0 ? a * $0 : $0 }),
        ]
    }

    /// `d_tanh = dout·(1 − tanh²)` and `d_sigmoid = dout·σ(1 − σ)` subtract two numbers near 1
    /// where the unit saturates: float32 rounds each to u, so the element carries an error of
    /// u·|dout| however small it is. Their rounding scale is |dout|.
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? {
        guard key == "d_tanh" || key == "d_sigmoid" else { return nil }
        return inputs.require("dout").map(abs)
    }

    /// Per nonlinearity, `f(z)` and the local derivative `f′(z)` against z: the submitted forward
    /// values directly, the submitted backward values divided by `dout` (skipped where |dout| < 0.05,
    /// where the division would magnify rounding).
    public func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture? {
        let z = inputs.require("z").scalars, dout = inputs.require("dout").scalars
        let order = z.indices.sorted { z[$0] < z[$1] }
        let usable = order.filter { abs(dout[$0]) >= 0.05 }
        func values(_ key: String, _ source: NamedArrays, _ indices: [Int], local: Bool) -> [Double]? {
            guard let t = source[key], t.count == z.count else { return nil }
            return indices.map { local ? t.scalars[$0] / dout[$0] : t.scalars[$0] }
        }
        let panels = Self.functions.map { f -> Picture.CurvePanel in
            Picture.CurvePanel(title: f.key, curves: [
                Picture.Curve(name: "f(z)", x: order.map { z[$0] }, reference: values(f.key, reference, order, local: false)!,
                              student: values(f.key, submission, order, local: false)),
                Picture.Curve(name: "f'(z)", x: usable.map { z[$0] },
                              reference: values("d_\(f.key)", reference, usable, local: true)!,
                              student: values("d_\(f.key)", submission, usable, local: true)),
            ])
        }
        return .curves(panels: panels)
    }
}
