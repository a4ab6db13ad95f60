/// Every backward pass of the engine checked against centered differences, as `lab gradcheck`
/// prints it: each layer w.r.t. its input and each parameter, each loss w.r.t. the scores, each
/// regularizer w.r.t. the weights, and a small MLP end to end (000 deck: "gradient checks";
/// CS231n's `gradient_check.py`).
///
/// Inputs, parameters and upstream gradients are drawn from N(0, 1) with a fixed seed; dropout
/// masks are frozen by reseeding the generator for every evaluation, so that the function being
/// differentiated is deterministic. Layers with kinks (ReLU, leaky ReLU, PReLU, maxout, hinge,
/// L1) may land in the lecture's "fine with kinks" band; smooth ones should be "happy".
public enum GradientCheckSuite {
    /// One checked gradient.
    public struct Row: Sendable {
        /// What was differentiated, e.g. `affine`, `loss softmax-ce`.
        public var name: String
        /// With respect to what: `input`, `W`, `b`, `γ`, `scores` …
        public var parameter: String
        public var report: GradientCheck.Report
        /// Whether the lecture accepts errors up to 1e-4 here: functions with kinks, and whole
        /// networks (CS231n: "the deeper the network, the higher the relative errors").
        public var hasKinks: Bool
    }

    static let batch = 4, features = 5, units = 3

    /// Checks a layer's input gradient and every parameter gradient.
    static func check(_ name: String, _ layer: Layer, kinks: Bool, seed: UInt64) -> [Row] {
        var g = RandomStream(seed: seed)
        let x = Tensor.randomNormal(shape: [batch, features], using: &g)
        func output(_ layer: Layer, _ input: Tensor) -> Tensor {
            var copy = layer
            var masks = RandomStream(seed: seed &+ 1)
            return copy.forward(input, mode: .training, using: &masks).output
        }
        let y = output(layer, x)
        let upstream = Tensor.randomNormal(shape: y.shape, using: &g)
        var copy = layer
        var masks = RandomStream(seed: seed &+ 1)
        let cache = copy.forward(x, mode: .training, using: &masks).cache
        let gradients = layer.backward(upstream, cache: cache)
        var rows = [Row(name: name, parameter: "input",
                        report: GradientCheck.check(output: { output(layer, $0) }, upstream: upstream, at: x, analytic: gradients.input),
                        hasKinks: kinks)]
        let names = layer.parameterKinds.map { kind -> String in
            switch kind {
            case .weight: return "W"
            case .bias: return "b"
            case .scale: return "γ"
            case .shift: return "β"
            case .slope: return "a"
            }
        }
        for (i, parameter) in layer.parameters.enumerated() {
            let report = GradientCheck.check(output: { value in
                var changed = layer
                var parameters = changed.parameters
                parameters[i] = value
                changed.parameters = parameters
                return output(changed, x)
            }, upstream: upstream, at: parameter, analytic: gradients.parameters[i])
            rows.append(Row(name: name, parameter: names[i], report: report, hasKinks: kinks))
        }
        return rows
    }

    /// Every check, in a fixed order, from `seed`.
    public static func run(seed: UInt64 = 0) -> [Row] {
        var g = RandomStream(seed: seed)
        var rows: [Row] = []
        var next: UInt64 { g.next() }
        rows += check("affine", .affine(Affine(inputs: features, outputs: units, initializer: .xavierNormal(), bias: 0.1, using: &g)),
                      kinks: false, seed: next)
        let activations: [(String, Activation, Bool)] = [
            ("sigmoid", .sigmoid, false), ("tanh", .tanh, false), ("relu", .relu, true), ("leaky-relu", .leakyReLU(slope: 0.1), true),
            ("elu", .elu(), true), ("selu", .selu, true), ("gelu", .gelu, false), ("softplus", .softplus, false),
        ]
        for (name, f, kinks) in activations { rows += check("activation \(name)", .activation(f), kinks: kinks, seed: next) }
        var prelu = PReLU(units: features)
        prelu.slope = Tensor.randomUniform(shape: [features], low: 0.05, high: 0.5, using: &g)
        rows += check("prelu", .prelu(prelu), kinks: true, seed: next)
        rows += check("maxout (k=3)", .maxout(Maxout(inputs: features, outputs: units, pieceCount: 3, initializer: .xavierNormal(), using: &g)),
                      kinks: true, seed: next)
        rows += check("dropout inverted p=0.6", .dropout(Dropout(keepProbability: 0.6, variant: .inverted)), kinks: false, seed: next)
        rows += check("dropout vanilla p=0.6", .dropout(Dropout(keepProbability: 0.6, variant: .vanilla)), kinks: false, seed: next)
        var norm = BatchNorm(features: features)
        norm.gamma = Tensor.randomUniform(shape: [features], low: 0.5, high: 1.5, using: &g)
        norm.beta = Tensor.randomNormal(shape: [features], using: &g)
        rows += check("batch norm (training)", .batchNorm(norm), kinks: false, seed: next)

        let scores = Tensor.randomNormal(shape: [batch, units], using: &g)
        let labels = (0..<batch).map { $0 % units }
        let values = Tensor.randomUniform(shape: [batch, units], low: 0, high: 1, using: &g)
        let losses: [(String, Loss, Loss.Targets, Bool)] = [
            ("softmax-ce", .softmaxCrossEntropy(), .classes(labels), false),
            ("softmax-ce ε=0.1", .softmaxCrossEntropy(labelSmoothing: 0.1), .classes(labels), false),
            ("hinge Δ=1", .multiclassHinge(margin: 1), .classes(labels), true),
            ("mse", .meanSquaredError, .values(values), false),
            ("l1", .meanAbsoluteError, .values(values), true),
            ("bce-with-logits", .binaryCrossEntropyWithLogits, .values(values), false),
        ]
        for (name, loss, targets, kinks) in losses {
            rows.append(Row(name: "loss \(name)", parameter: "scores",
                            report: GradientCheck.check({ loss($0, targets).value }, at: scores, analytic: loss(scores, targets).gradient),
                            hasKinks: kinks))
        }
        let w = Tensor.randomNormal(shape: [features, units], using: &g)
        for (name, r, kinks) in [("l2", Regularizer.l2(0.1), false), ("l1", .l1(0.1), true), ("elastic net", .elasticNet(l1: 0.05, l2: 0.1), true)] {
            rows.append(Row(name: "regularizer \(name)", parameter: "W",
                            report: GradientCheck.check({ r.value($0) }, at: w, analytic: r.gradient(w)), hasKinks: kinks))
        }
        rows += endToEnd(seed: next)
        rows += labObjectives(seed: next)
        return rows
    }

    /// A 5-8-3 tanh MLP with dropout under softmax cross-entropy, every parameter.
    static func endToEnd(seed: UInt64) -> [Row] {
        var g = RandomStream(seed: seed)
        // Unit-gain output weights (not `mlp`'s small ones): tiny gradients in the first layer
        // would put rounding noise ε|f|/h ≈ 2e-11 within a factor 1e-4 of the gradient itself.
        let model = Sequential([
            .affine(Affine(inputs: features, outputs: 8, initializer: .xavierNormal(), bias: 0.1, using: &g)),
            .activation(.tanh),
            .dropout(Dropout(keepProbability: 0.7)),
            .affine(Affine(inputs: 8, outputs: units, initializer: .xavierNormal(), using: &g)),
        ])
        let x = Tensor.randomNormal(shape: [batch, features], using: &g)
        let labels = (0..<batch).map { $0 % units }
        func loss(_ model: Sequential) -> Double {
            var copy = model
            var masks = RandomStream(seed: seed &+ 1)
            return Loss.softmaxCrossEntropy()(copy.forward(x, mode: .training, using: &masks).output, .classes(labels)).value
        }
        var copy = model
        var masks = RandomStream(seed: seed &+ 1)
        let (scores, cache) = copy.forward(x, mode: .training, using: &masks)
        let gradients = model.backward(Loss.softmaxCrossEntropy()(scores, .classes(labels)).gradient, cache: cache)
        return model.parameters.indices.map { i in
            let report = GradientCheck.check({ value in
                var changed = model
                var parameters = changed.parameters
                parameters[i] = value
                changed.parameters = parameters
                return loss(changed)
            }, at: model.parameters[i], analytic: gradients.parameters[i])
            return Row(name: "mlp 5-8-3 tanh, dropout", parameter: "θ\(i) \(model.parameterKinds[i])", report: report, hasKinks: true)
        }
    }
}
