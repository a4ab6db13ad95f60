/// The Philox4x64-10 block function (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as
/// easy as 1, 2, 3", SC'11; Random123's `philox4x64_R(10, …)`, numpy's `Philox`).
///
/// A keyed bijection of 256-bit counters: ten rounds of
/// `(c₀, c₁, c₂, c₃) ← (hi(M₁c₂) ⊕ c₁ ⊕ k₀, lo(M₁c₂), hi(M₀c₀) ⊕ c₃ ⊕ k₁, lo(M₀c₀))`, the key
/// `(k₀, k₁)` bumped by the Weyl constants `(W₀, W₁)` between rounds. Because it is a bijection
/// for a fixed key, distinct counters under one key give distinct 4-word blocks: that is what
/// makes the engine's streams non-overlapping by construction (see `RandomStream`).
///
/// Shapes: counter 4 × UInt64, key 2 × UInt64, output 4 × UInt64. The C kernel
/// `nnlab_philox4x64_10` computes the same function; tests check both against Random123's
/// published known answers and against each other.
public enum Philox4x64 {
    /// The round multipliers M₀, M₁ and the key schedule's Weyl increments W₀ (golden ratio),
    /// W₁ (√3 − 1), as in Random123's philox.h.
    static let m0: UInt64 = 0xD2E7_470E_E14C_6C93, m1: UInt64 = 0xCA5A_8263_9512_1157
    static let w0: UInt64 = 0x9E37_79B9_7F4A_7C15, w1: UInt64 = 0xBB67_AE85_84CA_A73B

    /// A counter or an output block: four 64-bit words.
    public typealias Block = (UInt64, UInt64, UInt64, UInt64)

    /// `Philox4x64-10(counter, key)`.
    @inline(__always)
    public static func block(_ counter: Block, key: (UInt64, UInt64)) -> Block {
        var c = counter
        var k0 = key.0, k1 = key.1
        for round in 0..<10 {
            if round > 0 { k0 &+= w0; k1 &+= w1 }
            let p0 = m0.multipliedFullWidth(by: c.0)
            let p1 = m1.multipliedFullWidth(by: c.2)
            c = (p1.high ^ c.1 ^ k0, p1.low, p0.high ^ c.3 ^ k1, p0.low)
        }
        return c
    }
}
