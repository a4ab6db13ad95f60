import Foundation

extension Xoshiro256StarStar {
    /// A uniform draw from [0, 1) with 53 random bits: `(next() ≫ 11) · 2⁻⁵³`.
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform draw from [low, high): `low + (high − low) · u`.
    @inline(__always)
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A standard normal draw N(0, 1). The engine uses the ziggurat (`zigguratNormal()`), which is
    /// about three times faster; `boxMullerNormal()` is kept as the textbook reference the tests
    /// compare it with.
    @inline(__always)
    public mutating func normal() -> Double { zigguratNormal() }

    /// A standard normal draw N(0, 1) by the Box–Muller transform (Box & Muller 1958):
    /// `r = √(−2 ln u₁)`, `z₀ = r cos 2πu₂`, `z₁ = r sin 2πu₂`, with `z₁` kept for the next call.
    ///
    /// `u₁` is taken from (0, 1] so that `ln u₁` is finite.
    public mutating func boxMullerNormal() -> Double {
        if let z = spareNormal {
            spareNormal = nil
            return z
        }
        let u1 = 1 - uniform()
        let u2 = uniform()
        let r = (-2 * log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareNormal = r * sin(theta)
        return r * cos(theta)
    }

    /// A normal draw N(mean, std²).
    @inline(__always)
    public mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * normal()
    }

    /// A draw from N(0, 1) conditioned on |z| ≤ `bound`, by rejection (accepts 95.4% of draws at
    /// the default bound of 2, the cut that Keras' and TensorFlow's truncated normal use).
    @inline(__always)
    public mutating func truncatedNormal(bound: Double = 2) -> Double {
        precondition(bound > 0, "truncation bound must be positive")
        while true {
            let z = normal()
            if abs(z) <= bound { return z }
        }
    }
}

/// The standard deviation of N(0, 1) truncated to [−2, 2]:
/// `√(1 − 2·2φ(2)/(2Φ(2) − 1))` = 0.87962566103423978.
/// Variance-scaling initializers divide by it so the *truncated* draws have the target std.
public let truncatedNormalStdAtTwo = 0.87962566103423978
