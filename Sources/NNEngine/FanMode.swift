/// Which fan a variance-scaling initializer divides by.
///
/// For a weight `W: [Din, Dout]` used as `y = x W` (the lectures' convention), `fanIn = Din` and
/// `fanOut = Dout`. Preserving forward variance needs `Var(W) ∝ 1/fanIn`; preserving backward
/// variance needs `1/fanOut` (Glorot & Bengio 2010; He et al. 2015).
public enum FanMode: String, CaseIterable, Codable, Sendable {
    case fanIn = "fan_in"
    case fanOut = "fan_out"
    case fanAverage = "fan_avg"

    /// `n` for shape `[Din, Dout]`: `Din`, `Dout` or `(Din + Dout)/2`.
    public func fan(_ shape: [Int]) -> Double {
        let (fanIn, fanOut) = Self.fans(shape)
        switch self {
        case .fanIn: return Double(fanIn)
        case .fanOut: return Double(fanOut)
        case .fanAverage: return Double(fanIn + fanOut) / 2
        }
    }

    /// `(fanIn, fanOut)` of a weight `[Din, Dout]`; a vector `[D]` counts as `[D, 1]`.
    public static func fans(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        precondition(shape.count == 1 || shape.count == 2, "fans of a weight need shape [Din, Dout], got \(shape)")
        return shape.count == 2 ? (shape[0], shape[1]) : (shape[0], 1)
    }
}

/// The distribution a variance-scaling initializer draws from, for a target std `s`.
public enum ScalingDistribution: String, CaseIterable, Codable, Sendable {
    /// N(0, s²).
    case normal
    /// U[−√3·s, √3·s], whose std is `s`.
    case uniform
    /// `(s / 0.8796…) · z` with `z` ~ N(0, 1) cut to [−2, 2]: the cut shrinks the std by 0.8796,
    /// so dividing by it restores `s` (Keras' `VarianceScaling` with `truncated_normal`).
    case truncatedNormal = "truncated_normal"
}
