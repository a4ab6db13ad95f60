import Foundation

/// How the learning rate is annealed over the updates: the lecture's "reduce the learning rate by
/// some factor every few epochs", and the two smooth decays of CS231n's notes.
///
/// Every schedule is a function of `n = t − 1`, the number of updates already applied (update `t`
/// counts from 1), so the first update always uses the base rate `lr₀`, as PyTorch's schedulers do:
///
/// | case | `lr(n)` |
/// |---|---|
/// | `constant` | `lr₀` |
/// | `stepDecay(factor: γ, every: k)` | `lr₀ · γ^⌊n/k⌋` |
/// | `exponential(gamma: γ)` | `lr₀ · γⁿ` |
/// | `inverseTime(k: k)` | `lr₀ / (1 + k·n)` |
///
/// With `k` and `every` counted in updates: a lab that decays per epoch passes
/// `every: batchesPerEpoch · epochs`. References: Bengio (2012) "Practical recommendations for
/// gradient-based training", §3.1; Robbins & Monro (1951) for the `1/t` decay.
public enum LearningRateSchedule: Equatable, Codable, Sendable {
    /// `lr₀` at every update.
    case constant
    /// `lr₀ · factor^⌊n/every⌋`: multiply by `factor` (e.g. 0.5) every `every` updates.
    case stepDecay(factor: Double, every: Int)
    /// `lr₀ · γⁿ`.
    case exponential(gamma: Double)
    /// `lr₀ / (1 + k·n)`, the `1/t` decay.
    case inverseTime(k: Double)

    /// The learning rate of update `t` (`t ≥ 1`), from the base rate `lr₀`.
    public func learningRate(base: Double, step t: Int) -> Double {
        precondition(t >= 1, "optimizer steps count from 1, got \(t)")
        let n = Double(t - 1)
        switch self {
        case .constant:
            return base
        case .stepDecay(let factor, let every):
            return base * pow(factor, Double((t - 1) / every))
        case .exponential(let gamma):
            return base * pow(gamma, n)
        case .inverseTime(let k):
            return base / (1 + k * n)
        }
    }

    /// Throws a `LabError` unless the decay parameters are usable: factors and γ in (0, 1],
    /// `every ≥ 1`, `k ≥ 0` and finite.
    public func validate() throws {
        switch self {
        case .constant:
            return
        case .stepDecay(let factor, let every):
            try HyperparameterCheck.decayFactor(factor, "step-decay factor")
            guard every >= 1 else { throw LabError("step-decay period must be at least 1 update, got \(every)") }
        case .exponential(let gamma):
            try HyperparameterCheck.decayFactor(gamma, "exponential decay γ")
        case .inverseTime(let k):
            try HyperparameterCheck.nonNegative(k, "1/t decay k")
        }
    }
}

extension LearningRateSchedule: CustomStringConvertible {
    /// The command-line spelling: `constant`, `step:0.5,1000`, `exp:0.999`, `inv:0.01`.
    public var description: String {
        switch self {
        case .constant: return "constant"
        case .stepDecay(let factor, let every): return "step:\(factor),\(every)"
        case .exponential(let gamma): return "exp:\(gamma)"
        case .inverseTime(let k): return "inv:\(k)"
        }
    }

    /// Every schedule's command-line spelling.
    public static let names = ["constant", "step:FACTOR,EVERY", "exp:GAMMA", "inv:K"]

    /// Parses a spelling from `LearningRateSchedule.names` and validates it.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        let arguments = parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : []
        func number(_ i: Int) throws -> Double {
            guard i < arguments.count, let value = Double(arguments[i]) else {
                throw LabError("schedule '\(text)': expected \(Self.names.joined(separator: ", "))")
            }
            return value
        }
        switch parts.first ?? "" {
        case "constant" where arguments.isEmpty: self = .constant
        case "step" where arguments.count == 2:
            guard let every = Int(arguments[1]) else { throw LabError("schedule '\(text)': period '\(arguments[1])' is not an integer") }
            self = .stepDecay(factor: try number(0), every: every)
        case "exp" where arguments.count == 1: self = .exponential(gamma: try number(0))
        case "inv" where arguments.count == 1: self = .inverseTime(k: try number(0))
        default:
            throw LabError("unknown schedule '\(text)'; valid: \(Self.names.joined(separator: ", "))")
        }
        try validate()
    }
}
