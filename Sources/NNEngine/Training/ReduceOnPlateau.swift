/// Reduce-on-plateau: the state of a `LearningRateSchedule.plateau(factor:patience:)` schedule,
/// which watches the validation loss after every epoch and multiplies the learning rate by
/// `factor` once it has not improved for `patience` epochs in a row.
///
/// After epoch `e` with validation loss `vₑ`: if `vₑ < best`, then `best ← vₑ` and the count of
/// epochs without improvement restarts at 0; otherwise (and for a NaN or ∞ loss) the count grows
/// by one, and when it reaches `patience` the scale becomes `scale · factor` and the count
/// restarts. The learning rate of the following epoch is `lr₀ · scale`. (PyTorch's
/// `ReduceLROnPlateau` with `threshold = 0`, `cooldown = 0`, except that it waits for one epoch
/// more, `count > patience`; here `patience` epochs without improvement are enough.)
public struct ReduceOnPlateau: Equatable, Sendable {
    public let factor: Double
    public let patience: Int
    /// `factorʳ` after `r` reductions: what multiplies `lr₀`.
    public private(set) var scale: Double = 1
    /// The lowest validation loss seen (∞ before the first epoch).
    public private(set) var best: Double = .infinity
    /// Epochs since the last improvement or reduction.
    public private(set) var epochsWithoutImprovement = 0
    /// Reductions made so far.
    public private(set) var reductions = 0

    public init(factor: Double, patience: Int) {
        precondition(factor > 0 && factor < 1 && patience >= 1, "plateau needs factor in (0, 1) and patience ≥ 1")
        self.factor = factor
        self.patience = patience
    }

    /// The state for `schedule` if it is a `plateau` schedule, else nil.
    public init?(_ schedule: LearningRateSchedule) {
        guard case let .plateau(factor, patience) = schedule else { return nil }
        self.init(factor: factor, patience: patience)
    }

    /// Records one epoch's validation loss; returns whether the rate was reduced.
    @discardableResult
    public mutating func observe(validationLoss v: Double) -> Bool {
        if v.isFinite && v < best {
            best = v
            epochsWithoutImprovement = 0
            return false
        }
        epochsWithoutImprovement += 1
        guard epochsWithoutImprovement >= patience else { return false }
        scale *= factor
        reductions += 1
        epochsWithoutImprovement = 0
        return true
    }
}
