import NNEngine

/// The lecture's update-to-weight ratio `‖ΔW‖ / ‖W‖` (Frobenius norms, `ΔW = W_new − W_old`,
/// divided by the norm before the update): "a rough heuristic is that this ratio should be
/// somewhere around 1e-3; lower: the learning rate might be too low; higher: likely too high".
enum UpdateRatio {
    /// The lecture's target.
    static let target = 1e-3

    /// `‖new − old‖ / ‖old‖`; ∞ for an all-zero `old`. Shapes: `old` and `new` agree.
    static func of(old: Tensor, new: Tensor) -> Double {
        precondition(old.shape == new.shape, "ratio of \(old.shape) and \(new.shape)")
        var change = 0.0, size = 0.0
        for i in 0..<old.count {
            let d = new.scalars[i] - old.scalars[i]
            change += d * d
            size += old.scalars[i] * old.scalars[i]
        }
        return size > 0 ? (change / size).squareRoot() : .infinity
    }
}
