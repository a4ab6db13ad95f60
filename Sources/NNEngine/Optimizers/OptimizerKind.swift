/// Which update rule, with its hyperparameters (everything but the learning rate and the shared
/// options): the typed value a lab parses from the command line, prints in a legend and writes to
/// JSON.
///
/// | case | rule | defaults | reference |
/// |---|---|---|---|
/// | `sgd` | `x ← x − lr·g` | | Robbins & Monro 1951 |
/// | `momentum` | `v ← μv − lr·g; x ← x + v` | μ = 0.9 | Polyak 1964 |
/// | `nesterov` | as momentum, `g` at `x + μv` | μ = 0.9 | Nesterov 1983 |
/// | `adagrad` | `c ← c + g²; x ← x − lr·g/(√c + ε)` | ε = 1e-8 | Duchi et al. 2011 |
/// | `rmsprop` | `c ← ρc + (1−ρ)g²; x ← x − lr·g/(√c + ε)` | ρ = 0.9, ε = 1e-8 | Tieleman & Hinton 2012 |
/// | `adadelta` | see `Adadelta` | ρ = 0.95, ε = 1e-6 | Zeiler 2012 |
/// | `adam` | see `Adam` | β₁ = 0.9, β₂ = 0.999, ε = 1e-8 | Kingma & Ba 2015 |
/// | `adamax` | see `AdaMax` | β₁ = 0.9, β₂ = 0.999 | Kingma & Ba 2015 |
public enum OptimizerKind: Equatable, Codable, Sendable {
    case sgd
    case momentum(mu: Double = 0.9)
    case nesterov(mu: Double = 0.9)
    case adagrad(epsilon: Double = 1e-8)
    case rmsprop(rho: Double = 0.9, epsilon: Double = 1e-8)
    case adadelta(rho: Double = 0.95, epsilon: Double = 1e-6)
    case adam(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, biasCorrection: Bool = true)
    case adamax(beta1: Double = 0.9, beta2: Double = 0.999)

    /// The rule's name as the command line spells it (without hyperparameters).
    public var name: String {
        switch self {
        case .sgd: return "sgd"
        case .momentum: return "momentum"
        case .nesterov: return "nesterov"
        case .adagrad: return "adagrad"
        case .rmsprop: return "rmsprop"
        case .adadelta: return "adadelta"
        case .adam(_, _, _, let biasCorrection): return biasCorrection ? "adam" : "adam-nobc"
        case .adamax: return "adamax"
        }
    }

    /// A learning rate that works on the test functions and small nets: 0.01 for the plain and
    /// momentum rules and Adagrad; the papers' 0.001 (RMSprop, Adam), 0.002 (AdaMax) and 1
    /// (Adadelta, which has no learning rate of its own).
    public var defaultLearningRate: Double {
        switch self {
        case .sgd, .momentum, .nesterov, .adagrad: return 0.01
        case .rmsprop, .adam: return 0.001
        case .adamax: return 0.002
        case .adadelta: return 1
        }
    }

    /// Throws a `LabError` naming the first hyperparameter out of range: μ, ρ, β in [0, 1), ε > 0.
    public func validate() throws {
        switch self {
        case .sgd:
            return
        case .momentum(let mu), .nesterov(let mu):
            try HyperparameterCheck.unitInterval(mu, "\(name) μ")
        case .adagrad(let epsilon):
            try HyperparameterCheck.positive(epsilon, "\(name) ε")
        case .rmsprop(let rho, let epsilon), .adadelta(let rho, let epsilon):
            try HyperparameterCheck.unitInterval(rho, "\(name) ρ")
            try HyperparameterCheck.positive(epsilon, "\(name) ε")
        case .adam(let beta1, let beta2, let epsilon, _):
            try HyperparameterCheck.unitInterval(beta1, "\(name) β1")
            try HyperparameterCheck.unitInterval(beta2, "\(name) β2")
            try HyperparameterCheck.positive(epsilon, "\(name) ε")
        case .adamax(let beta1, let beta2):
            try HyperparameterCheck.unitInterval(beta1, "\(name) β1")
            try HyperparameterCheck.unitInterval(beta2, "\(name) β2")
        }
    }

    /// A fresh optimizer of this kind, with zero state. It does not validate: use
    /// `OptimizerConfiguration.makeOptimizer()` on user input.
    public func makeOptimizer(learningRate: Double, options: OptimizerOptions = OptimizerOptions()) -> any Optimizer {
        switch self {
        case .sgd:
            return SGD(learningRate: learningRate, options: options)
        case .momentum(let mu):
            return Momentum(learningRate: learningRate, mu: mu, options: options)
        case .nesterov(let mu):
            return Nesterov(learningRate: learningRate, mu: mu, options: options)
        case .adagrad(let epsilon):
            return Adagrad(learningRate: learningRate, epsilon: epsilon, options: options)
        case .rmsprop(let rho, let epsilon):
            return RMSprop(learningRate: learningRate, rho: rho, epsilon: epsilon, options: options)
        case .adadelta(let rho, let epsilon):
            return Adadelta(learningRate: learningRate, rho: rho, epsilon: epsilon, options: options)
        case .adam(let beta1, let beta2, let epsilon, let biasCorrection):
            return Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                        biasCorrection: biasCorrection, options: options)
        case .adamax(let beta1, let beta2):
            return AdaMax(learningRate: learningRate, beta1: beta1, beta2: beta2, options: options)
        }
    }
}
