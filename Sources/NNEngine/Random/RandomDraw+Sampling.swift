import Foundation

extension RandomDraw {
    /// A uniform number in [0, 1) with 53 random bits: `(w ≫ 11) · 2⁻⁵³` for the next word `w`.
    @inline(__always)
    public mutating func uniform() -> Double {
        unitInterval(next())
    }

    /// A standard normal N(0, 1) by the Box–Muller transform (Box & Muller 1958):
    /// `z = √(−2 ln u₁) cos 2πu₂`, from the draw's first two words. Only the cosine is used (the
    /// sine would belong to no draw), so it costs two words per normal; the engine samples with
    /// the ziggurat, and the tests compare it with this textbook reference.
    ///
    /// `u₁` is taken from (0, 1] so that `ln u₁` is finite.
    public mutating func boxMullerNormal() -> Double {
        let u1 = 1 - uniform()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// N(0, 1) conditioned on |z| ≤ `bound`, by rejection: every retry is a ziggurat normal from
    /// the draw's further words (95.4% of draws accept the first at the default bound of 2, the
    /// cut that Keras' and TensorFlow's truncated normal use).
    @inline(__always)
    public mutating func truncatedNormal(bound: Double = 2) -> Double { truncatedNormal(bound: bound, ZigguratTables.shared) }

    @inline(__always)
    mutating func truncatedNormal(bound: Double, _ table: ZigguratTables) -> Double {
        precondition(bound > 0, "truncation bound must be positive")
        while true {
            let z = zigguratNormal(table)
            if abs(z) <= bound { return z }
        }
    }
}

extension RandomStream {
    /// The next draw's uniform number in [0, 1): `(w ≫ 11) · 2⁻⁵³`.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        unitInterval(next())
    }

    /// A uniform number in [low, high): `low + (high − low) · u`.
    @inlinable @inline(__always)
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// The next draw as N(0, 1) by the ziggurat (the same as `normal()`).
    @inlinable @inline(__always)
    public mutating func zigguratNormal() -> Double { normal() }

    /// The next draw as N(0, 1) by Box–Muller (`RandomDraw.boxMullerNormal`), the reference.
    public mutating func boxMullerNormal() -> Double {
        var draw = nextDraw()
        return draw.boxMullerNormal()
    }

    /// The next draw as N(mean, std²).
    @inlinable @inline(__always)
    public mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * normal()
    }

    /// The next draw as N(0, 1) truncated to [−bound, bound] (`RandomDraw.truncatedNormal`).
    @inline(__always)
    public mutating func truncatedNormal(bound: Double = 2) -> Double {
        var draw = nextDraw()
        return draw.truncatedNormal(bound: bound)
    }
}

/// The standard deviation of N(0, 1) truncated to [−2, 2]:
/// `√(1 − 2·2φ(2)/(2Φ(2) − 1))` = 0.87962566103423978.
/// Variance-scaling initializers divide by it so the *truncated* draws have the target std.
public let truncatedNormalStdAtTwo = 0.87962566103423978
