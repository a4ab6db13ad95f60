import Foundation

/// How the learning rate is annealed over the updates: the lecture's "reduce the learning rate by
/// some factor every few epochs", the smooth decays of CS231n's notes, cosine annealing with and
/// without warm restarts, a linear warm-up, and reduce-on-plateau.
///
/// Every schedule but `plateau` is a function of `n = t − 1`, the number of updates already
/// applied (update `t` counts from 1), so the first update always uses the base rate `lr₀`, as
/// PyTorch's schedulers do (warm-up excepted, which starts at `lr₀/K`):
///
/// | case | `lr(n)` |
/// |---|---|
/// | `constant` | `lr₀` |
/// | `stepDecay(factor: γ, every: k)` | `lr₀ · γ^⌊n/k⌋` |
/// | `exponential(gamma: γ)` | `lr₀ · γⁿ` |
/// | `inverseTime(k: k)` | `lr₀ / (1 + k·n)` |
/// | `cosine(period: T, restarts: false)` | `lr₀ · ½(1 + cos(π·min(n, T)/T))`, then 0 |
/// | `cosine(period: T, restarts: true)` | `lr₀ · ½(1 + cos(π·(n mod T)/T))` |
/// | `warmup(steps: K)` | `lr₀ · min(1, (n + 1)/K)` |
/// | `plateau(factor: F, patience: P)` | `lr₀ · Fʳ`, `r` the reductions so far (`ReduceOnPlateau`) |
///
/// With `k`, `T` and `K` counted in updates: a lab that decays per epoch passes
/// `every: batchesPerEpoch · epochs`. `plateau` is not a function of the step: it needs the
/// validation loss after every epoch, which a `ReduceOnPlateau` watches (the `Trainer` does this);
/// as a function of the step alone it is `lr₀`. References: Bengio (2012) "Practical
/// recommendations for gradient-based training", §3.1; Robbins & Monro (1951) for `1/t`;
/// Loshchilov & Hutter (2017) "SGDR" for cosine with warm restarts; Goyal et al. (2017) for the
/// linear warm-up.
public enum LearningRateSchedule: Equatable, Codable, Sendable {
    /// `lr₀` at every update.
    case constant
    /// `lr₀ · factor^⌊n/every⌋`: multiply by `factor` (e.g. 0.5) every `every` updates.
    case stepDecay(factor: Double, every: Int)
    /// `lr₀ · γⁿ`.
    case exponential(gamma: Double)
    /// `lr₀ / (1 + k·n)`, the `1/t` decay.
    case inverseTime(k: Double)
    /// Half a cosine from `lr₀` down to 0 over `period` updates; with `restarts`, back to `lr₀`
    /// every `period` updates (SGDR with a fixed period), else 0 from then on.
    case cosine(period: Int, restarts: Bool)
    /// A linear ramp `lr₀ · t/K` over the first `steps` updates, then `lr₀`.
    case warmup(steps: Int)
    /// Multiply the rate by `factor` whenever the validation loss has not improved for `patience`
    /// epochs in a row (see `ReduceOnPlateau`).
    case plateau(factor: Double, patience: Int)

    /// The learning rate of update `t` (`t ≥ 1`), from the base rate `lr₀`. For `plateau`, the
    /// caller's `ReduceOnPlateau` has already folded its reductions into `base`.
    public func learningRate(base: Double, step t: Int) -> Double {
        precondition(t >= 1, "optimizer steps count from 1, got \(t)")
        let n = Double(t - 1)
        switch self {
        case .constant, .plateau:
            return base
        case .stepDecay(let factor, let every):
            return base * pow(factor, Double((t - 1) / every))
        case .exponential(let gamma):
            return base * pow(gamma, n)
        case .inverseTime(let k):
            return base / (1 + k * n)
        case .cosine(let period, let restarts):
            let position = restarts ? Double((t - 1) % period) : Swift.min(n, Double(period))
            return base * 0.5 * (1 + cos(Double.pi * position / Double(period)))
        case .warmup(let steps):
            return base * Swift.min(1, Double(t) / Double(steps))
        }
    }

    /// Whether the schedule needs a validation metric after every epoch (`plateau`): a run
    /// without one (an optimizer on a test function) cannot use it.
    public var needsValidationMetric: Bool {
        if case .plateau = self { return true }
        return false
    }

    /// Throws a `LabError` unless the decay parameters are usable: factors and γ in (0, 1],
    /// periods ≥ 1 update, `k ≥ 0` and finite, a plateau factor in (0, 1) and patience ≥ 1.
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
        case .cosine(let period, _):
            guard period >= 1 else { throw LabError("cosine period must be at least 1 update, got \(period)") }
        case .warmup(let steps):
            guard steps >= 1 else { throw LabError("warm-up length must be at least 1 update, got \(steps)") }
        case .plateau(let factor, let patience):
            guard factor > 0 && factor < 1 else { throw LabError("plateau factor must be in (0, 1), got \(factor)") }
            guard patience >= 1 else { throw LabError("plateau patience must be at least 1 epoch, got \(patience)") }
        }
    }
}
