import Foundation

extension OptimizerKind: CustomStringConvertible {
    /// Every rule's command-line spelling; optional hyperparameters follow a `:`, comma-separated.
    public static let names = [
        "sgd", "momentum[:MU]", "nesterov[:MU]", "adagrad[:EPS]", "rmsprop[:RHO[,EPS]]",
        "adadelta[:RHO[,EPS]]", "adam[:B1[,B2[,EPS]]]", "adam-nobc[:B1[,B2[,EPS]]]", "adamax[:B1[,B2]]",
    ]

    /// Parses `adam`, `momentum:0.95`, `rmsprop:0.99,1e-6` and so on: missing hyperparameters take
    /// their defaults, and the result is validated. `adam-nobc` is Adam without bias correction.
    /// Throws a `LabError` that lists the valid names.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts.first ?? ""
        // `adam:` would otherwise read as plain `adam`, quietly dropping what was meant to follow.
        guard parts.count == 1 || !parts[1].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LabError("optimizer '\(text)' has nothing after ':'; give hyperparameters, e.g. adam:0.9,0.999, or none: adam")
        }
        let arguments = parts.count > 1 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []

        func number(_ i: Int, _ fallback: Double) throws -> Double {
            guard i < arguments.count else { return fallback }
            guard let value = Double(arguments[i].trimmingCharacters(in: .whitespaces)) else {
                throw LabError("optimizer '\(text)': '\(arguments[i])' is not a number")
            }
            return value
        }
        func expectAtMost(_ count: Int) throws {
            guard arguments.count <= count else {
                throw LabError("optimizer '\(text)': '\(name)' takes at most \(count) hyperparameter\(count == 1 ? "" : "s")")
            }
        }

        switch name {
        case "sgd": try expectAtMost(0); self = .sgd
        case "momentum": try expectAtMost(1); self = .momentum(mu: try number(0, 0.9))
        case "nesterov": try expectAtMost(1); self = .nesterov(mu: try number(0, 0.9))
        case "adagrad": try expectAtMost(1); self = .adagrad(epsilon: try number(0, 1e-8))
        case "rmsprop": try expectAtMost(2); self = .rmsprop(rho: try number(0, 0.9), epsilon: try number(1, 1e-8))
        case "adadelta": try expectAtMost(2); self = .adadelta(rho: try number(0, 0.95), epsilon: try number(1, 1e-6))
        case "adam", "adam-nobc":
            try expectAtMost(3)
            self = .adam(beta1: try number(0, 0.9), beta2: try number(1, 0.999), epsilon: try number(2, 1e-8),
                         biasCorrection: name == "adam")
        case "adamax": try expectAtMost(2); self = .adamax(beta1: try number(0, 0.9), beta2: try number(1, 0.999))
        default:
            throw LabError("unknown optimizer '\(text)'; valid: \(Self.names.joined(separator: ", "))")
        }
        try validate()
    }

    /// The name with every hyperparameter, e.g. `adam(β1=0.9, β2=0.999, ε=1e-08)`, for legends.
    public var description: String {
        switch self {
        case .sgd: return "sgd"
        case .momentum(let mu), .nesterov(let mu): return "\(name)(μ=\(mu))"
        case .adagrad(let epsilon): return "adagrad(ε=\(epsilon))"
        case .rmsprop(let rho, let epsilon), .adadelta(let rho, let epsilon): return "\(name)(ρ=\(rho), ε=\(epsilon))"
        case .adam(let beta1, let beta2, let epsilon, _): return "\(name)(β1=\(beta1), β2=\(beta2), ε=\(epsilon))"
        case .adamax(let beta1, let beta2): return "adamax(β1=\(beta1), β2=\(beta2))"
        }
    }
}
