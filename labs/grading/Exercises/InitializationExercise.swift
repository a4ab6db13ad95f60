import NNEngine

/// Exercise `initialization`: Xavier and He standard deviations and uniform bounds for given
/// layer shapes and nonlinearities, and the per-layer activation statistics of a small supplied
/// tanh network (001 deck, weight initialization; Glorot & Bengio 2010; He et al. 2015),
/// computed with the engine's `Initializer.standardDeviation(for:)` and `Activation.gain`.
///
/// Inputs: `shapes` [L, 2] (fan_in, fan_out), `nonlinearity` [L] (codes), `x` [N, D],
/// `W1`, `W2`, `W3` [D, D]. Outputs: `xavier_std`, `xavier_bound`, `he_std`, `he_bound` [L],
/// `act_mean`, `act_std` [3].
public struct InitializationExercise: Exercise {
    public init() {}
    public let name = "initialization"
    public let title = "Xavier and He initialization; activation statistics"
    public let lecture = "001 weight initialization"
    public var integerInputs: Set<String> { ["shapes", "nonlinearity"] }

    /// The nonlinearity codes of problem.json.
    static let codes: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.01)]

    public let outputs = [OutputSpec("xavier_std", "Xavier normal std per layer"), OutputSpec("xavier_bound", "Xavier uniform bound per layer"),
                          OutputSpec("he_std", "He normal std per layer (fan_in, with gain)"),
                          OutputSpec("he_bound", "He uniform bound per layer"),
                          OutputSpec("act_mean", "mean of each layer's tanh output"), OutputSpec("act_std", "std of each layer's tanh output")]

    public var instructions: String {
        """
        1. For each layer l with `shapes[l] = (fan_in, fan_out)` and nonlinearity code `nonlinearity[l]`
           (0 = sigmoid, gain 1; 1 = tanh, gain 5/3; 2 = ReLU, gain √2; 3 = leaky ReLU with slope 0.01,
           gain √(2/(1 + 0.01²))), as `torch.nn.init` defines them:
           - `xavier_std = sqrt(2/(fan_in + fan_out))` (gain 1), `xavier_bound = sqrt(6/(fan_in + fan_out))`
           - `he_std = gain/sqrt(fan_in)`, `he_bound = gain·sqrt(3/fan_in)` (a uniform on [−a, a] has std a/√3)
        2. Push `x` through `h1 = tanh(x @ W1)`, `h2 = tanh(h1 @ W2)`, `h3 = tanh(h2 @ W3)` (no bias) and submit
           `act_mean[k]` and `act_std[k]`, the mean and the population std (numpy's default, ddof=0) over all
           elements of h(k+1).
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let layers = 4
        let fans = (0..<(2 * layers)).map { _ in Double(ProblemDraws.pick([32, 64, 100, 128, 256, 300, 512, 784, 1000], using: &g)) }
        let codes = (0..<layers).map { _ in Double(ProblemDraws.integer(0...3, using: &g)) }
        let n = 20, d = 16
        let std = ProblemDraws.pick([0.1, 0.25, 0.5], using: &g)
        return NamedArrays([("shapes", Tensor(shape: [layers, 2], scalars: fans)), ("nonlinearity", Tensor(codes)),
                            ("x", ProblemDraws.normal([n, d], using: &g)),
                            ("W1", ProblemDraws.normal([d, d], std: std, using: &g)), ("W2", ProblemDraws.normal([d, d], std: std, using: &g)),
                            ("W3", ProblemDraws.normal([d, d], std: std, using: &g))])
    }

    func layers(_ inputs: NamedArrays) -> [(shape: [Int], activation: Activation)] {
        let shapes = inputs.require("shapes"), codes = inputs.integers("nonlinearity")
        return codes.indices.map { ([Int(shapes[$0, 0]), Int(shapes[$0, 1])], Self.codes[codes[$0]]) }
    }

    func activations(_ inputs: NamedArrays, preActivation: Bool = false) -> [Tensor] {
        var h = inputs.require("x")
        return ["W1", "W2", "W3"].map { w in
            let z = Tensor.matmul(h, inputs.require(w))
            h = Activation.tanh(z)
            return preActivation ? z : h
        }
    }

    func table(_ inputs: NamedArrays, he: (Activation, [Int]) -> Initializer) -> (std: Tensor, bound: Tensor) {
        let std = layers(inputs).map { he($0.activation, $0.shape).standardDeviation(for: $0.shape)! }
        return (Tensor(std), Tensor(std.map { 3.0.squareRoot() * $0 }))
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let xavier = table(inputs) { _, _ in .xavierNormal(gain: 1) }
        let he = table(inputs) { activation, _ in .kaimingNormal(mode: .fanIn, gain: activation.gain!) }
        let hs = activations(inputs)
        return NamedArrays([("xavier_std", xavier.std), ("xavier_bound", xavier.bound), ("he_std", he.std), ("he_bound", he.bound),
                            ("act_mean", Tensor(hs.map(\.mean))), ("act_std", Tensor(hs.map(\.standardDeviation)))])
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let reference = reference(for: inputs)
        let fanOut = table(inputs) { activation, _ in .kaimingNormal(mode: .fanOut, gain: activation.gain!) }
        let noGain = table(inputs) { _, _ in .kaimingNormal(mode: .fanIn, gain: 1) }
        let hs = activations(inputs), zs = activations(inputs, preActivation: true)
        let sampleStd = hs.map { h in (h.variance * Double(h.count) / Double(h.count - 1)).squareRoot() }
        return [
            Mistake(.formula, hint: "he_std divides by fan_out: He et al. keep the forward variance with fan_in", key: "he_std", value: fanOut.std),
            Mistake(.formula, hint: "he_std ignores the nonlinearity's gain (√2 for ReLU, 5/3 for tanh, 1 for sigmoid)",
                    key: "he_std", value: noGain.std),
            Mistake(.constantFactor, hint: "xavier_bound equals the std: a uniform on [−a, a] has std a/√3, so a = √3·std",
                    key: "xavier_bound", value: reference.require("xavier_std")),
            Mistake(.formula, hint: "act_std uses ddof=1: the lecture's statistics are population stds (numpy's default ddof=0)",
                    key: "act_std", value: Tensor(sampleStd)),
            Mistake(.formula, hint: "act_std is taken before tanh: report the statistics of the layer outputs h = tanh(z)",
                    key: "act_std", value: Tensor(zs.map(\.standardDeviation))),
        ]
    }
}
