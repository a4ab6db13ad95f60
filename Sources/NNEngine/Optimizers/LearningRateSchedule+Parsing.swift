extension LearningRateSchedule: CustomStringConvertible {
    /// The command-line spelling: `constant`, `step:0.5,1000`, `exp:0.999`, `inv:0.01`,
    /// `cosine:500`, `cosine:100,restart`, `warmup:50`, `plateau:0.5,3`.
    public var description: String {
        switch self {
        case .constant: return "constant"
        case .stepDecay(let factor, let every): return "step:\(factor),\(every)"
        case .exponential(let gamma): return "exp:\(gamma)"
        case .inverseTime(let k): return "inv:\(k)"
        case .cosine(let period, let restarts): return "cosine:\(period)\(restarts ? ",restart" : "")"
        case .warmup(let steps): return "warmup:\(steps)"
        case .plateau(let factor, let patience): return "plateau:\(factor),\(patience)"
        }
    }

    /// Every schedule's command-line spelling.
    public static let names = ["constant", "step:FACTOR,EVERY", "exp:GAMMA", "inv:K", "cosine:T[,restart]",
                               "warmup:K", "plateau:FACTOR,PATIENCE"]

    /// Parses a spelling from `LearningRateSchedule.names` and validates it.
    /// - Throws: `LabError` naming the spelling and the valid ones.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let arguments = parts.count > 1 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
        let expected = "schedule '\(text)': expected \(Self.names.joined(separator: ", "))"
        func number(_ i: Int) throws -> Double {
            guard i < arguments.count, let value = Double(arguments[i]) else { throw LabError(expected) }
            return value
        }
        func count(_ i: Int, _ what: String) throws -> Int {
            guard i < arguments.count, let value = Int(arguments[i]) else {
                throw LabError("schedule '\(text)': \(what) '\(i < arguments.count ? arguments[i] : "")' is not a whole number")
            }
            return value
        }
        switch parts.first ?? "" {
        case "constant" where parts.count == 1: self = .constant
        case "step" where arguments.count == 2: self = .stepDecay(factor: try number(0), every: try count(1, "period"))
        case "exp" where arguments.count == 1: self = .exponential(gamma: try number(0))
        case "inv" where arguments.count == 1: self = .inverseTime(k: try number(0))
        case "cosine" where arguments.count == 1: self = .cosine(period: try count(0, "period"), restarts: false)
        case "cosine" where arguments.count == 2 && arguments[1] == "restart":
            self = .cosine(period: try count(0, "period"), restarts: true)
        case "warmup" where arguments.count == 1: self = .warmup(steps: try count(0, "warm-up length"))
        case "plateau" where arguments.count == 2: self = .plateau(factor: try number(0), patience: try count(1, "patience"))
        default:
            throw LabError("unknown schedule '\(text)'; valid: \(Self.names.joined(separator: ", "))")
        }
        try validate()
    }
}
