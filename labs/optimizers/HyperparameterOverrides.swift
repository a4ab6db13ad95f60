import NNEngine

/// Hyperparameters given once on the command line (`--momentum 0.95`, `--beta2 0.99`, …) and
/// applied to every selected optimizer that has them, so one flag reproduces a run exactly
/// without spelling each optimizer's hyperparameters. An override beats the spelling's own
/// value (`--optimizer momentum:0.5 --momentum 0.8` runs μ = 0.8); rules without the
/// hyperparameter are left alone (SGD ignores `--beta1`).
public struct HyperparameterOverrides: Codable, Equatable, Sendable {
    /// μ of momentum and Nesterov.
    public var momentum: Double?
    /// β₁ of Adam and AdaMax.
    public var beta1: Double?
    /// β₂ of Adam and AdaMax.
    public var beta2: Double?
    /// ρ of RMSprop and Adadelta.
    public var rho: Double?
    /// ε of Adagrad, RMSprop, Adadelta and Adam.
    public var epsilon: Double?

    public init(momentum: Double? = nil, beta1: Double? = nil, beta2: Double? = nil, rho: Double? = nil, epsilon: Double? = nil) {
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.rho = rho
        self.epsilon = epsilon
    }

    /// `kind` with every applicable override substituted.
    public func applied(to kind: OptimizerKind) -> OptimizerKind {
        switch kind {
        case .sgd:
            return .sgd
        case .momentum(let mu):
            return .momentum(mu: momentum ?? mu)
        case .nesterov(let mu):
            return .nesterov(mu: momentum ?? mu)
        case .adagrad(let eps):
            return .adagrad(epsilon: epsilon ?? eps)
        case .rmsprop(let r, let eps):
            return .rmsprop(rho: rho ?? r, epsilon: epsilon ?? eps)
        case .adadelta(let r, let eps):
            return .adadelta(rho: rho ?? r, epsilon: epsilon ?? eps)
        case .adam(let b1, let b2, let eps, let biasCorrection):
            return .adam(beta1: beta1 ?? b1, beta2: beta2 ?? b2, epsilon: epsilon ?? eps, biasCorrection: biasCorrection)
        case .adamax(let b1, let b2):
            return .adamax(beta1: beta1 ?? b1, beta2: beta2 ?? b2)
        }
    }
}
