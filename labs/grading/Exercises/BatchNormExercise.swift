import NNEngine

/// Exercise `batchnorm`: batch normalization's training forward with the running-average update,
/// its backward, and inference with the running statistics (Ioffe & Szegedy 2015; 004 deck),
/// computed by the engine's `BatchNorm`.
///
/// Inputs: `x` [B, D], `gamma`, `beta`, `running_mean`, `running_var` [D], `dout` [B, D],
/// `x_test` [T, D], `eps`, `momentum`. Outputs: `out` [B, D], `new_running_mean`,
/// `new_running_var` [D], `test_out` [T, D], `dx` [B, D], `dgamma`, `dbeta` [D].
public struct BatchNormExercise: Exercise {
    public init() {}
    public let name = "batchnorm"
    public let title = "Batch normalization: training forward, backward, inference"
    public let lecture = "004 batch normalization"

    public let outputs = [OutputSpec("out", "training forward", points: 2),
                          OutputSpec("new_running_mean", "running mean after the step", points: 0.5),
                          OutputSpec("new_running_var", "running variance after the step", points: 0.5),
                          OutputSpec("test_out", "inference with the updated running statistics", points: 1),
                          OutputSpec("dx", "gradient of the input", points: 3),
                          OutputSpec("dgamma", "gradient of γ", points: 1),
                          OutputSpec("dbeta", "gradient of β", points: 1)]

    public var instructions: String {
        """
        Training forward over the batch `x` [B, D], per feature (column):

        - `mu = x.mean(axis=0)`, `var = x.var(axis=0)` (biased: divide by B), `xhat = (x − mu)/sqrt(var + eps)`
        - `out = gamma * xhat + beta`
        - `new_running_mean = momentum * running_mean + (1 − momentum) * mu`
        - `new_running_var = momentum * running_var + (1 − momentum) * var * B/(B − 1)` (the unbiased estimate, 004 deck)

        Inference: `test_out = gamma * (x_test − new_running_mean)/sqrt(new_running_var + eps) + beta`.

        Backward from `dout` (the 004 deck derives it; with `g = gamma * dout`):
        `dx = (1/B) / sqrt(var + eps) * (B g − g.sum(0) − xhat * (g * xhat).sum(0))`,
        `dgamma = (dout * xhat).sum(0)`, `dbeta = dout.sum(0)`.
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let b = ProblemDraws.integer(6...10, using: &g), d = ProblemDraws.integer(3...5, using: &g)
        let shift = ProblemDraws.normal([d], std: 3, using: &g), scale = ProblemDraws.uniform([d], 0.5, 3, using: &g)
        let x = ProblemDraws.normal([b, d], using: &g).multiplyingEachRow(by: scale).addingToEachRow(shift).map(ProblemDraws.round4)
        return NamedArrays([("x", x), ("gamma", ProblemDraws.uniform([d], 0.5, 2, using: &g)),
                            ("beta", ProblemDraws.normal([d], std: 0.5, using: &g)),
                            ("running_mean", ProblemDraws.normal([d], using: &g)),
                            ("running_var", ProblemDraws.uniform([d], 0.5, 2, using: &g)),
                            ("dout", ProblemDraws.normal([b, d], using: &g)),
                            ("x_test", ProblemDraws.normal([3, d], std: 2, using: &g)), ("eps", .scalar(1e-5)), ("momentum", .scalar(0.9))])
    }

    func layer(_ inputs: NamedArrays) -> BatchNorm {
        var bn = BatchNorm(features: inputs.require("gamma").count, momentum: inputs.scalar("momentum"), epsilon: inputs.scalar("eps"))
        bn.gamma = inputs.require("gamma")
        bn.beta = inputs.require("beta")
        bn.runningMean = inputs.require("running_mean")
        bn.runningVariance = inputs.require("running_var")
        return bn
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        var bn = layer(inputs)
        let (out, cache) = bn.forward(inputs.require("x"), mode: .training)
        let gradients = bn.backward(inputs.require("dout"), cache: cache)
        return NamedArrays([("out", out), ("new_running_mean", bn.runningMean), ("new_running_var", bn.runningVariance),
                            ("test_out", bn.inference(inputs.require("x_test"))), ("dx", gradients.input),
                            ("dgamma", gradients.gamma), ("dbeta", gradients.beta)])
    }

    /// The size of the terms behind each element (see `RelativeError`): `x − μ` cancels when the
    /// features sit far from 0 (the shift here is up to ~3σ), and every output is computed from it.
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? {
        let (x, dout, gamma, beta) = (inputs.require("x"), inputs.require("dout"), inputs.require("gamma"), inputs.require("beta"))
        let (b, d) = (x.shape[0], x.shape[1])
        let rho = inputs.scalar("momentum"), eps = inputs.scalar("eps")
        let mu = x.columnSums * (1 / Double(b))
        let variance = (0..<d).map { j -> Double in
            let deviations = (0..<b).map { i -> Double in x[i, j] - mu.scalars[j] }
            return deviations.map { $0 * $0 }.reduce(0, +) / Double(b)
        }
        let sigma = variance.map { ($0 + eps).squareRoot() }
        // |x| + |μ| over σ: the scale of x̂ = (x − μ)/σ, per element.
        let xhatScale = Tensor(shape: x.shape, scalars: (0..<(b * d)).map { k -> Double in
            (abs(x.scalars[k]) + abs(mu.scalars[k % d])) / sigma[k % d]
        })
        switch key {
        case "out": return xhatScale.multiplyingEachRow(by: gamma.map(abs)).addingToEachRow(beta.map(abs))
        case "new_running_mean":
            return rho * inputs.require("running_mean").map(abs) + (1 - rho) * (x.map(abs).columnSums * (1 / Double(b)))
        case "new_running_var":
            let squares = (0..<d).map { j -> Double in
                let sizes = (0..<b).map { i -> Double in abs(x[i, j]) + abs(mu.scalars[j]) }
                return sizes.map { $0 * $0 }.reduce(0, +) / Double(b - 1)
            }
            return rho * inputs.require("running_var").map(abs) + (1 - rho) * Tensor(squares)
        case "test_out":
            let reference = reference(for: inputs)
            let (m, v, t) = (reference.require("new_running_mean"), reference.require("new_running_var"), inputs.require("x_test"))
            return Tensor(shape: t.shape, scalars: (0..<t.count).map { k -> Double in
                let j = k % d
                let size: Double = abs(t.scalars[k]) + abs(m.scalars[j])
                return abs(gamma.scalars[j]) * size / (v.scalars[j] + eps).squareRoot() + abs(beta.scalars[j])
            })
        case "dx":
            let g = dout.multiplyingEachRow(by: gamma).map(abs)
            let gSum = g.columnSums, gxSum = (g * xhatScale).columnSums
            return Tensor(shape: x.shape, scalars: (0..<(b * d)).map { k -> Double in
                let j = k % d
                let terms: Double = Double(b) * g.scalars[k] + gSum.scalars[j] + xhatScale.scalars[k] * gxSum.scalars[j]
                return terms / (Double(b) * sigma[j])
            })
        case "dgamma": return (dout.map(abs) * xhatScale).columnSums
        case "dbeta": return dout.map(abs).columnSums
        default: return nil
        }
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let reference = reference(for: inputs)
        let x = inputs.require("x")
        let b = Double(x.shape[0])
        let rho = inputs.scalar("momentum")
        // Running variance updated with the biased batch variance (no B/(B−1)).
        var plain = layer(inputs)
        _ = plain.forward(x, mode: .training)
        let biasedVariance = (plain.runningVariance - rho * inputs.require("running_var")) * ((b - 1) / b)
        let biasedRunning = rho * inputs.require("running_var") + biasedVariance
        var biasedLayer = layer(inputs)
        biasedLayer.runningMean = reference.require("new_running_mean")
        biasedLayer.runningVariance = biasedRunning
        // Momentum read the other way round: the new batch statistics weighted by ρ = 0.9.
        var swapped = layer(inputs)
        swapped.momentum = 1 - rho
        _ = swapped.forward(x, mode: .training)
        // Inference with the test batch's own statistics instead of the running ones.
        var ownStatistics = layer(inputs)
        let testWithBatchStatistics = ownStatistics.forward(inputs.require("x_test"), mode: .training).output
        // dx that ignores the dependence of μ and σ² on x: γ·dout/√(σ² + ε).
        var frozen = layer(inputs)
        let (_, cache) = frozen.forward(x, mode: .training)
        let naive = inputs.require("dout").multiplyingEachRow(by: inputs.require("gamma")).multiplyingEachRow(by: cache.inverseStd)
        return [
            Mistake(.formula, hint: "new_running_var uses the biased batch variance: multiply it by B/(B − 1) = \(Int(b))/\(Int(b) - 1) "
                        + "(test_out, normalized with it, inherits the slip)",
                    answers: NamedArrays([("new_running_var", biasedRunning), ("test_out", biasedLayer.inference(inputs.require("x_test")))]),
                    credit: 0.5),
            Mistake(.formula, hint: "the running averages weight the new batch by momentum: it is momentum · running + (1 − momentum) · batch "
                        + "(test_out, normalized with them, inherits the slip)",
                    answers: NamedArrays([("new_running_mean", swapped.runningMean), ("new_running_var", swapped.runningVariance),
                                          ("test_out", swapped.inference(inputs.require("x_test")))])),
            Mistake(.formula, hint: "test_out normalizes with the test batch's own statistics: inference uses the running mean and variance",
                    key: "test_out", value: testWithBatchStatistics),
            Mistake(.formula, hint: "dx treats μ and σ² as constants: they depend on x, which adds the two sum terms",
                    key: "dx", value: naive),
            Mistake(.biasNotSummed, hint: "dbeta is not summed over the batch: dbeta = dout.sum(axis=0)", key: "dbeta",
                    value: inputs.require("dout")),
            Mistake(.constantFactor, hint: "dgamma is a mean over the batch: sum it", key: "dgamma",
                    value: reference.require("dgamma") * (1 / b)),
        ]
    }
}
