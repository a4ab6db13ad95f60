/// The engine's random number generator: xoshiro256** (Blackman & Vigna 2018), seeded by
/// SplitMix64.
///
/// Every random draw in NNLab comes from one of these, created from an explicit seed and passed
/// as `inout`; there is no global generator. The algorithm uses only 64-bit integer arithmetic, so
/// the same seed gives the same stream on every platform.
///
/// Output: `rotl(s₁ · 5, 7) · 9`; period 2²⁵⁶ − 1. `split()` hands out non-overlapping streams
/// with the reference `jump()` (2¹²⁸ steps), which is how work is parallelized reproducibly.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    /// The second value of the last Box–Muller pair, returned by the next `normal()`.
    var spareNormal: Double?

    /// A generator whose state is the first four outputs of `SplitMix64(seed:)`.
    public init(seed: UInt64) {
        var mix = SplitMix64(seed: seed)
        s = (mix.next(), mix.next(), mix.next(), mix.next())
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Self.rotl(s.3, 45)
        return result
    }

    /// Advances the state by 2¹²⁸ draws, equivalent to that many calls to `next()`.
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C,
                                    0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var t: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (UInt64(1) << UInt64(bit)) != 0 {
                    t.0 ^= s.0; t.1 ^= s.1; t.2 ^= s.2; t.3 ^= s.3
                }
                _ = next()
            }
        }
        s = t
        spareNormal = nil
    }

    /// Returns a generator for the current stream and moves `self` 2¹²⁸ draws ahead, so the
    /// returned stream and every later one never overlap.
    public mutating func split() -> Xoshiro256StarStar {
        let child = self
        jump()
        return child
    }
}
