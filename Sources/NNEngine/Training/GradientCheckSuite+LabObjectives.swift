/// The objectives the neurons, losses and regularize labs differentiate, beyond the engine's
/// layers and losses at their defaults (003 deck: the cook book's hinge, label smoothing, a sigmoid
/// output under MSE or cross-entropy; 002 deck: the 2-2-1 sigmoid net backpropagated by hand).
///
/// Not here, and why: the proximal L1 step (`Regularizer.softThreshold`) is an argmin, not a
/// gradient, so there is nothing to check against differences (its optimality is tested instead);
/// the Gaussian KL divergences of `lab losses` are that lab's own grid sums, checked by the lab.
extension GradientCheckSuite {
    /// Every row in a fixed order from `seed`.
    static func labObjectives(seed: UInt64) -> [Row] {
        var g = RandomStream(seed: seed)
        let scores = Tensor.randomNormal(shape: [batch, units], using: &g)
        let labels = (0..<batch).map { $0 % units }
        let hard = Tensor(shape: [batch, units], scalars: (0..<(batch * units)).map { Double($0 % 2) })
        var rows: [Row] = []
        func loss(_ name: String, kinks: Bool, _ f: (Tensor) -> Loss.Result) {
            rows.append(Row(name: "loss \(name)", parameter: "scores",
                            report: GradientCheck.check({ f($0).value }, at: scores, analytic: f(scores).gradient),
                            hasKinks: kinks))
        }
        // The cook book's worked example uses Δ = 0: the kink sits where a wrong score ties the
        // correct one, which N(0, 1) scores miss with probability 1.
        let hinge = Loss.multiclassHinge(margin: 0)
        loss("hinge Δ=0", kinks: true) { hinge($0, .classes(labels)) }
        // Strong smoothing, through the type the labs call: q = (0.6, 0.2, 0.2).
        loss("label smoothing ε=0.4", kinks: false) { LabelSmoothing(0.4).loss($0, labels: labels) }
        let bce = Loss.binaryCrossEntropyWithLogits
        loss("bce-with-logits, targets 0/1", kinks: false) { bce($0, .values(hard)) }
        rows.append(sigmoidMSE(scores: scores, targets: hard))
        rows.append(geluTails())
        let w = Tensor.randomNormal(shape: [features, units], using: &g)
        if let smooth = Regularizer.elasticNet(l1: 0.05, l2: 0.1).smoothPart {
            // The gradient a proximal elastic-net step still adds before its soft threshold.
            rows.append(Row(name: "regularizer elastic net, smooth part (proximal step)", parameter: "W",
                            report: GradientCheck.check({ smooth.value($0) }, at: w, analytic: smooth.gradient(w)), hasKinks: false))
        }
        rows += endToEnd("mlp 2-2-1 sigmoid, mse", seed: g.next(), inputs: 2, outputs: 1) { g in
            [.affine(Affine(inputs: 2, outputs: 2, initializer: .xavierNormal(), bias: 0.1, using: &g)),
             .activation(.sigmoid),
             .affine(Affine(inputs: 2, outputs: 1, initializer: .xavierNormal(), using: &g)),
             .activation(.sigmoid)]
        }
        return rows
    }

    /// MSE on a sigmoid output, as `lab losses` composes it: the activation layer's backward fed
    /// the loss's gradient, `∂/∂z (σ(z) − t)²`, w.r.t. the scores z [N, C].
    static func sigmoidMSE(scores: Tensor, targets: Tensor) -> Row {
        let layer = Layer.activation(.sigmoid)
        let mse = Loss.meanSquaredError
        func value(_ z: Tensor) -> Double { mse(layer.inference(z), .values(targets)).value }
        var copy = layer
        var unused = RandomStream(seed: 0)
        let (y, cache) = copy.forward(scores, mode: .training, using: &unused)
        let gradient = layer.backward(mse(y, .values(targets)).gradient, cache: cache).input
        return Row(name: "sigmoid output + mse", parameter: "scores",
                   report: GradientCheck.check(value, at: scores, analytic: gradient), hasKinks: false)
    }

    /// GELU's derivative in its tails, one input at a time, where `Φ(z)` is computed as
    /// `½ erfc(−z/√2)`: at z = −20 both f and f′ are ~1e-87, so a check of a sum with O(1) terms
    /// would only measure the O(1) terms' rounding. Alone, the quotient keeps f's relative precision.
    static func geluTails() -> Row {
        let layer = Layer.activation(.gelu)
        var worst: GradientCheck.Report?
        for z in [-20.0, -9, -4, 4, 9] {
            let x = Tensor(shape: [1, 1], scalars: [z])
            var copy = layer
            var unused = RandomStream(seed: 0)
            let cache = copy.forward(x, mode: .training, using: &unused).cache
            let analytic = layer.backward(Tensor(shape: [1, 1], scalars: [1]), cache: cache).input
            let report = GradientCheck.check({ layer.inference($0).sum }, at: x, analytic: analytic)
            if worst.map({ report.maxRelativeError > $0.maxRelativeError }) ?? true { worst = report }
        }
        return Row(name: "activation gelu, tails z ∈ {±4, ±9, −20}", parameter: "input", report: worst!, hasKinks: false)
    }

    /// A small network under MSE against targets in [0, 1], every parameter: [N, inputs] → [N, outputs].
    static func endToEnd(_ name: String, seed: UInt64, inputs: Int, outputs: Int,
                         layers: (inout RandomStream) -> [Layer]) -> [Row] {
        var g = RandomStream(seed: seed)
        let model = Sequential(layers(&g))
        let x = Tensor.randomNormal(shape: [batch, inputs], using: &g)
        let t = Tensor.randomUniform(shape: [batch, outputs], low: 0, high: 1, using: &g)
        let mse = Loss.meanSquaredError
        var copy = model
        var unused = RandomStream(seed: 0)
        let (y, cache) = copy.forward(x, mode: .training, using: &unused)
        let gradients = model.backward(mse(y, .values(t)).gradient, cache: cache)
        return model.parameters.indices.map { i in
            let report = GradientCheck.check({ value in
                var changed = model
                var parameters = changed.parameters
                parameters[i] = value
                changed.parameters = parameters
                return mse(changed.predict(x), .values(t)).value
            }, at: model.parameters[i], analytic: gradients.parameters[i])
            return Row(name: name, parameter: "θ\(i) \(model.parameterKinds[i])", report: report, hasKinks: true)
        }
    }
}
