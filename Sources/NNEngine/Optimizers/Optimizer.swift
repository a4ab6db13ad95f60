/// The state an optimizer keeps for one parameter tensor: velocities, running averages of `g`
/// and `g²`, all starting at zero with the parameter's shape.
public protocol OptimizerState {
    /// The zero state for a parameter of `parameter.shape`.
    init(zerosLike parameter: Tensor)
}

/// One parameter tensor's bookkeeping: how many updates it has had, and the optimizer's state.
public struct OptimizerSlot<State: OptimizerState> {
    /// Updates applied so far; the next update is `t = step + 1` (updates count from 1).
    public var step: Int
    /// The optimizer's typed state for this parameter.
    public var state: State
}

/// A first-order update rule `x ← x + Δ(g, state)` applied to parameter tensors, with typed
/// per-parameter state and the shared `OptimizerOptions` (clipping, weight decay, schedule).
///
/// A network with several parameter tensors uses one optimizer and numbers its tensors: state for
/// parameter `i` lives in `slots[i]`, created at zero on its first update. Two ways to step:
///
/// - `step(_:parameter:gradientAt:)` hands the optimizer a way to evaluate `∇f` anywhere; it asks
///   at `evaluationPoint(x)`, which is `x` for every rule but Nesterov's, whose gradient is taken at
///   the look-ahead point `x + μ·v` (Sutskever et al. 2013). The trajectory runner uses this form.
/// - `step(_:parameter:gradient:)` and `step(_:gradients:)` take a gradient already computed at
///   the stored parameters, as a backward pass does. Nesterov then stores the look-ahead point
///   itself (`reparametrizedUpdate`); the other rules are identical in both forms.
///
/// Conforming types implement `update` (and optionally `evaluationPoint`, `reparametrizedUpdate`);
/// everything else is shared here, so the Adam that draws the Beale trajectory is the Adam that
/// trains the dropout nets.
public protocol Optimizer: CustomStringConvertible {
    associatedtype State: OptimizerState

    /// The base learning rate `lr₀`, before the schedule.
    var learningRate: Double { get set }
    /// Clipping, weight decay and learning-rate schedule.
    var options: OptimizerOptions { get set }
    /// Per-parameter bookkeeping, indexed by parameter number.
    var slots: [OptimizerSlot<State>] { get set }
    /// The rule's name and hyperparameters, as a value a lab can encode and print.
    var kind: OptimizerKind { get }

    /// Where the gradient of the next update is evaluated, given the stored parameter `x`.
    func evaluationPoint(_ x: Tensor, state: State) -> Tensor

    /// Update `t` (from 1) of `x`, with `g` the preprocessed gradient at `evaluationPoint(x)` and
    /// `lr` the scheduled learning rate. Shapes: `x`, `g` and every state tensor agree.
    func update(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int)

    /// Update `t` of `x`, with `g` the preprocessed gradient at `x` itself.
    func reparametrizedUpdate(_ x: inout Tensor, gradient g: Tensor, state: inout State, learningRate lr: Double, step t: Int)
}

extension Optimizer {
    public func evaluationPoint(_ x: Tensor, state: State) -> Tensor { x }

    public func reparametrizedUpdate(_ x: inout Tensor, gradient g: Tensor, state: inout State,
                                     learningRate lr: Double, step t: Int) {
        update(&x, gradient: g, state: &state, learningRate: lr, step: t)
    }

    /// The learning rate, hyperparameters and options, as one `Codable` value.
    public var configuration: OptimizerConfiguration {
        OptimizerConfiguration(kind: kind, learningRate: learningRate, options: options)
    }

    /// The full hyperparameters, e.g. `adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)`.
    public var description: String { configuration.description }

    /// Throws a `LabError` with a one-line message for a bad learning rate, hyperparameter or
    /// option (NaN, ∞, out of range).
    public func validate() throws { try configuration.validate() }

    /// Forgets every parameter's state and step count, as for a fresh run.
    public mutating func reset() { slots.removeAll() }

    /// One update of parameter `index`, with the gradient evaluated wherever the rule needs it
    /// (`evaluationPoint`): `x` for all rules, `x + μ·v` for Nesterov.
    /// - Parameters: x: any shape; `gradientAt(p)` returns `∇f(p)` with `p`'s shape.
    public mutating func step(_ x: inout Tensor, parameter index: Int = 0, gradientAt gradient: (Tensor) -> Tensor) {
        prepareSlot(index, for: x)
        let point = evaluationPoint(x, state: slots[index].state)
        var g = [gradient(point)]
        options.preprocess(&g, at: [point])
        apply(&x, index: index, gradient: g[0], reparametrized: false)
    }

    /// One update of parameter `index` with `gradient = ∇f(x)`, computed at the stored `x`.
    /// Shapes: `gradient.shape == x.shape`.
    public mutating func step(_ x: inout Tensor, parameter index: Int = 0, gradient: Tensor) {
        prepareSlot(index, for: x)
        var g = [gradient]
        options.preprocess(&g, at: [x])
        apply(&x, index: index, gradient: g[0], reparametrized: true)
    }

    /// One update of every parameter of a network, `parameters[i]` with `gradients[i]` computed
    /// at the stored parameters. Clipping by norm uses the global norm over all of them.
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        precondition(parameters.count == gradients.count,
                     "\(gradients.count) gradients for \(parameters.count) parameters")
        for i in parameters.indices { prepareSlot(i, for: parameters[i]) }
        var g = gradients
        options.preprocess(&g, at: parameters)
        for i in parameters.indices { apply(&parameters[i], index: i, gradient: g[i], reparametrized: true) }
    }

    /// Creates zero state for parameters not seen yet, and checks the shape of known ones.
    private mutating func prepareSlot(_ index: Int, for x: Tensor) {
        precondition(index >= 0, "parameter index must be ≥ 0, got \(index)")
        while slots.count <= index { slots.append(OptimizerSlot(step: 0, state: State(zerosLike: x))) }
    }

    private mutating func apply(_ x: inout Tensor, index: Int, gradient g: Tensor, reparametrized: Bool) {
        precondition(g.shape == x.shape, "gradient shape \(g.shape) differs from parameter \(index)'s \(x.shape)")
        let t = slots[index].step + 1
        let lr = options.schedule.learningRate(base: learningRate, step: t)
        // The state is moved out of `slots` for the call: `update` reads `self` while it writes
        // the state, and Swift forbids overlapping access to `self`. An empty placeholder takes
        // its place meanwhile, so the moved-out tensors are uniquely referenced and `update`
        // writes them in place; a plain copy would make every step copy every moment tensor.
        var state = slots[index].state
        slots[index].state = State(zerosLike: Tensor(zeros: [0]))
        if reparametrized {
            reparametrizedUpdate(&x, gradient: g, state: &state, learningRate: lr, step: t)
        } else {
            update(&x, gradient: g, state: &state, learningRate: lr, step: t)
        }
        slots[index] = OptimizerSlot(step: t, state: state)
    }
}
