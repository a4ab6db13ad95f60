import NNEngine

/// Exercise `optimizer-steps`: momentum, RMSprop and Adam applied to a supplied sequence of
/// gradients (004 deck; Kingma & Ba 2015), computed by the engine's `Momentum`, `RMSprop`, `Adam`.
///
/// Inputs: `w0` [D], `grads` [T, D] (the gradient at step t, whatever the parameters are), the
/// learning rates and hyperparameters. Outputs: the parameters after each step, [T, D] each.
public struct OptimizerStepsExercise: Exercise {
    public init() {}
    public let name = "optimizer-steps"
    public let title = "Momentum, RMSprop and Adam updates"
    public let lecture = "004 optimization"

    public let outputs = [OutputSpec("momentum", "parameters after each momentum step", points: 2),
                          OutputSpec("rmsprop", "parameters after each RMSprop step", points: 2),
                          OutputSpec("adam", "parameters after each Adam step", points: 2)]

    public var instructions: String {
        """
        Start every optimizer from `w0` with its state at zero and apply step t = 1…T with the gradient
        `grads[t−1]` (use these gradients as given). Submit the parameters after every step, row t−1 = after step t.

        - Momentum (`lr_momentum`, `mu`): `v = mu·v − lr·g`; `w = w + v`
        - RMSprop (`lr_rmsprop`, `rho`, `eps`): `c = rho·c + (1 − rho)·g²`; `w = w − lr·g/(sqrt(c) + eps)`
        - Adam (`lr_adam`, `beta1`, `beta2`, `eps`): `m = beta1·m + (1 − beta1)·g`; `v = beta2·v + (1 − beta2)·g²`;
          `m̂ = m/(1 − beta1^t)`; `v̂ = v/(1 − beta2^t)`; `w = w − lr·m̂/(sqrt(v̂) + eps)` (bias-corrected, t from 1)
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let d = ProblemDraws.integer(3...5, using: &g), t = ProblemDraws.integer(5...7, using: &g)
        return NamedArrays([("w0", ProblemDraws.normal([d], using: &g)), ("grads", ProblemDraws.normal([t, d], using: &g)),
                            ("lr_momentum", .scalar(ProblemDraws.pick([0.01, 0.05, 0.1], using: &g))), ("mu", .scalar(0.9)),
                            ("lr_rmsprop", .scalar(ProblemDraws.pick([0.001, 0.01], using: &g))), ("rho", .scalar(0.9)),
                            ("lr_adam", .scalar(ProblemDraws.pick([0.001, 0.01, 0.1], using: &g))),
                            ("beta1", .scalar(0.9)), ("beta2", .scalar(0.999)), ("eps", .scalar(1e-8))])
    }

    /// The parameters after each of the T steps of `optimizer`, as [T, D].
    static func run<O: Optimizer>(_ optimizer: O, inputs: NamedArrays, negate: Bool = false) -> Tensor {
        var optimizer = optimizer
        var w = inputs.require("w0")
        let grads = inputs.require("grads")
        var rows: [Double] = []
        for t in 0..<grads.shape[0] {
            let g = grads.row(t)
            optimizer.step(&w, gradient: negate ? -g : g)
            rows += w.scalars
        }
        return Tensor(shape: grads.shape, scalars: rows)
    }

    func optimizers(_ i: NamedArrays) -> (Momentum, RMSprop, Adam) {
        (Momentum(learningRate: i.scalar("lr_momentum"), mu: i.scalar("mu")),
         RMSprop(learningRate: i.scalar("lr_rmsprop"), rho: i.scalar("rho"), epsilon: i.scalar("eps")),
         Adam(learningRate: i.scalar("lr_adam"), beta1: i.scalar("beta1"), beta2: i.scalar("beta2"), epsilon: i.scalar("eps")))
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let (momentum, rmsprop, adam) = optimizers(inputs)
        return NamedArrays([("momentum", Self.run(momentum, inputs: inputs)), ("rmsprop", Self.run(rmsprop, inputs: inputs)),
                            ("adam", Self.run(adam, inputs: inputs))])
    }

    /// The displacement from `w0` after each step, `w_t − w0` (row t−1): with lr = 0.001 the
    /// parameters move by ~1e-3 from |w0| ≈ 1, so comparing parameters would call an optimizer
    /// that never moves nearly right. Each displacement is judged against its own size.
    public func graded(_ value: Tensor, key: String, inputs: NamedArrays) -> Tensor {
        let w0 = inputs.require("w0")
        guard value.rank == 2, value.shape[1] == w0.count else { return value }
        return value.addingToEachRow(-w0)
    }

    /// A float32 implementation stores w, so each step rounds by u·|w|: the displacement's scale is
    /// |w0| plus the sizes of the steps so far (the reference's).
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? {
        Self.travelScale(start: inputs.require("w0"), path: reference(for: inputs).require(key))
    }

    /// Per row t and coordinate j of a path [T, D] from `start`: |start_j| + |w_tj| + Σ_{t' ≤ t} |w_t'j − w_(t'−1)j|,
    /// the sizes a float32 run adds and rounds on its way to w_t.
    static func travelScale(start w0: Tensor, path: Tensor) -> Tensor {
        var scale: [Double] = []
        var previous = w0.scalars, travelled = [Double](repeating: 0, count: w0.count)
        for t in 0..<path.shape[0] {
            let row = path.row(t).scalars
            for j in row.indices {
                travelled[j] += abs(row[j] - previous[j])
                scale.append(abs(w0.scalars[j]) + abs(row[j]) + travelled[j])
            }
            previous = row
        }
        return Tensor(shape: path.shape, scalars: scale)
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let (momentum, rmsprop, adam) = optimizers(inputs)
        var noCorrection = adam
        noCorrection.biasCorrection = false
        var noMomentum = momentum
        noMomentum.mu = 0
        var swapped = adam
        swapped.beta1 = inputs.scalar("beta2")
        swapped.beta2 = inputs.scalar("beta1")
        return [
            Mistake(.formula, hint: "adam has no bias correction: divide m by 1 − beta1^t and v by 1 − beta2^t (t from 1)",
                    key: "adam", value: Self.run(noCorrection, inputs: inputs)),
            Mistake(.formula, hint: "adam swaps beta1 and beta2: beta1 = 0.9 averages g, beta2 = 0.999 averages g²",
                    key: "adam", value: Self.run(swapped, inputs: inputs)),
            Mistake(.formula, hint: "momentum keeps no velocity: v = mu·v − lr·g accumulates past steps",
                    key: "momentum", value: Self.run(noMomentum, inputs: inputs)),
            Mistake(.wrongSign, hint: "momentum climbs the gradient: the step is −lr·g",
                    key: "momentum", value: Self.run(momentum, inputs: inputs, negate: true)),
            Mistake(.wrongSign, hint: "rmsprop climbs the gradient: the step is −lr·g/(sqrt(c) + eps)",
                    key: "rmsprop", value: Self.run(rmsprop, inputs: inputs, negate: true)),
        ]
    }
}
