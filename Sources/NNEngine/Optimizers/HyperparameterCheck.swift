/// The checks every optimizer hyperparameter goes through before a lab uses it, each throwing a
/// `LabError` whose one-line message names the hyperparameter, the allowed range and the value.
///
/// NaN fails every check: comparisons with NaN are false, so each check is written as
/// "`guard` the good case" rather than "reject the bad case".
enum HyperparameterCheck {
    /// `value` must be finite and `> 0` (learning rates, ε, clipping thresholds).
    static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0 else {
            throw LabError("\(name) must be a finite positive number, got \(value)")
        }
    }

    /// `value` must be finite and `≥ 0` (weight decay λ).
    static func nonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite, value >= 0 else {
            throw LabError("\(name) must be a finite number ≥ 0, got \(value)")
        }
    }

    /// `value` must lie in `[0, 1)` (momentum μ, decay rates ρ, β₁, β₂): at 1 the running
    /// averages never forget, and Adam's bias correction `1/(1 − βᵗ)` divides by zero.
    static func unitInterval(_ value: Double, _ name: String) throws {
        guard value >= 0, value < 1 else {
            throw LabError("\(name) must be in [0, 1), got \(value)")
        }
    }

    /// `value` must lie in `(0, 1]` (decay factors of learning-rate schedules).
    static func decayFactor(_ value: Double, _ name: String) throws {
        guard value > 0, value <= 1 else {
            throw LabError("\(name) must be in (0, 1], got \(value)")
        }
    }
}
