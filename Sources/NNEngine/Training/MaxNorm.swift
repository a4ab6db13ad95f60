/// The max-norm constraint: after each update, every unit's incoming weight vector is projected
/// back onto the ball `‖w‖₂ ≤ c` (Srivastava et al. 2014; the cook book suggests `c ≈ 3–4`).
///
/// For `W: [D, M]` used as `y = x W`, unit `m`'s incoming weights are column `m`, so each column
/// with norm `‖w‖ > c` is rescaled to `c · w/‖w‖`; the others are left unchanged.
/// Shapes: `W` [D, M] → [D, M].
public struct MaxNorm: Equatable, Hashable, Sendable {
    /// `c`, the largest norm a unit's incoming weight vector may have.
    public var limit: Double

    public init(limit: Double) {
        precondition(limit > 0, "max-norm limit must be positive, got \(limit)")
        self.limit = limit
    }

    /// `W` with every column of norm above `c` scaled down to norm `c`.
    public func apply(to weight: Tensor) -> Tensor {
        precondition(weight.rank == 2, "max-norm needs a weight [D, M], got \(weight.shape)")
        let factors = weight.columnNorms.map { $0 > limit ? limit / $0 : 1 }
        return weight.multiplyingEachRow(by: factors)
    }
}
