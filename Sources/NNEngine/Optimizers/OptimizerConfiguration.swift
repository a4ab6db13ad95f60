/// Everything that defines an optimizer run: the rule with its hyperparameters, the base learning
/// rate and the shared options. `Codable`, so a lab writes it next to its results, and the
/// user-facing way to build an optimizer: `makeOptimizer()` validates first.
///
/// JSON (synthesized): `{"kind": {"adam": {"beta1": 0.9, …}}, "learningRate": 0.001,
/// "options": {"clipping": {"none": {}}, "weightDecay": 0, "schedule": {"constant": {}}}}`.
public struct OptimizerConfiguration: Equatable, Codable, Sendable {
    public var kind: OptimizerKind
    /// The base learning rate `lr₀`.
    public var learningRate: Double
    public var options: OptimizerOptions

    /// A configuration; `learningRate` defaults to `kind.defaultLearningRate`.
    public init(kind: OptimizerKind, learningRate: Double? = nil, options: OptimizerOptions = OptimizerOptions()) {
        self.kind = kind
        self.learningRate = learningRate ?? kind.defaultLearningRate
        self.options = options
    }

    /// Throws a `LabError` with a one-line message for a NaN, ∞ or non-positive learning rate, a
    /// hyperparameter out of range (μ, ρ, β outside [0, 1), ε ≤ 0) or a bad option.
    public func validate() throws {
        try HyperparameterCheck.positive(learningRate, "learning rate")
        try kind.validate()
        try options.validate()
    }

    /// A validated optimizer with zero state.
    public func makeOptimizer() throws -> any Optimizer {
        try validate()
        return kind.makeOptimizer(learningRate: learningRate, options: options)
    }
}

extension OptimizerConfiguration: CustomStringConvertible {
    /// The legend text: `adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)`, with non-default options
    /// appended, e.g. `sgd(lr=0.1, clip-value:5.0)`.
    public var description: String {
        var parts = ["lr=\(learningRate)"]
        switch kind {
        case .sgd: break
        case .momentum(let mu), .nesterov(let mu): parts.append("μ=\(mu)")
        case .adagrad(let epsilon): parts.append("ε=\(epsilon)")
        case .rmsprop(let rho, let epsilon), .adadelta(let rho, let epsilon): parts += ["ρ=\(rho)", "ε=\(epsilon)"]
        case .adam(let beta1, let beta2, let epsilon, _): parts += ["β1=\(beta1)", "β2=\(beta2)", "ε=\(epsilon)"]
        case .adamax(let beta1, let beta2): parts += ["β1=\(beta1)", "β2=\(beta2)"]
        }
        if !options.isDefault { parts.append(options.description) }
        return "\(kind.name)(\(parts.joined(separator: ", ")))"
    }
}
