extension Activation: CustomStringConvertible {
    /// Every activation's name as the command line spells it.
    public static let names = ["sigmoid", "tanh", "relu", "leaky-relu[:slope]", "elu[:alpha]", "selu", "gelu", "softplus"]

    /// Parses `tanh`, `relu`, `leaky-relu:0.1`, `elu:1.0` and so on; the text after `:` is the
    /// parameter. Throws a `LabError` that lists the valid names.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1] : nil
        func parameter(_ fallback: Double) throws -> Double {
            guard let argument else { return fallback }
            guard let value = Double(argument), value.isFinite else {
                throw LabError("activation '\(text)': '\(argument)' is not a finite number")
            }
            return value
        }
        func noParameter() throws {
            if argument != nil { throw LabError("activation '\(name)' takes no parameter, got '\(text)'") }
        }
        switch name {
        case "sigmoid": try noParameter(); self = .sigmoid
        case "tanh": try noParameter(); self = .tanh
        case "relu": try noParameter(); self = .relu
        case "leaky-relu", "leakyrelu": self = .leakyReLU(slope: try parameter(0.01))
        case "elu": self = .elu(alpha: try parameter(1))
        case "selu": try noParameter(); self = .selu
        case "gelu": try noParameter(); self = .gelu
        case "softplus": try noParameter(); self = .softplus
        default:
            throw LabError("unknown activation '\(text)'; valid: \(Self.names.joined(separator: ", "))")
        }
    }

    /// The command-line spelling, which `init(parsing:)` reads back.
    public var description: String {
        switch self {
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .leakyReLU(let slope): return "leaky-relu:\(slope)"
        case .elu(let alpha): return "elu:\(alpha)"
        case .selu: return "selu"
        case .gelu: return "gelu"
        case .softplus: return "softplus"
        }
    }
}
