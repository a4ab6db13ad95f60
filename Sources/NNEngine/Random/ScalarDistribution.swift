import CKernels

/// A distribution of scalars, sampled one draw at a time.
///
/// Tensors are filled through this protocol rather than a closure so that the compiler
/// specializes and inlines the draw into the fill loop: with a closure, the indirect call per
/// element cost as much as the ziggurat itself. A sample is computed from one `RandomDraw` (the
/// words of one stream position), so element `i` of a fill depends only on the stream's key and
/// position `first + i`.
public protocol ScalarDistribution: Sendable {
    /// One sample from `draw`'s words.
    func sample(using draw: inout RandomDraw) -> Double
    /// The sample of draw `position` of the stream with `key`, whose first word is `word`: the
    /// same number as `sample(using:)` on that draw. Fill loops call this, so a distribution can
    /// take its common case from the word alone without building a `RandomDraw`.
    func sample(firstWord word: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double
    /// Whether samples use random words at all (a constant does not, and its fill skips them).
    static var usesRandomWords: Bool { get }
    /// `out[j]` = the sample of draw `first + j` of the stream with `key`, for j < count.
    func fill(_ out: UnsafeMutablePointer<Double>, count: Int, key: (UInt64, UInt64), first: UInt64)
}

extension ScalarDistribution {
    public static var usesRandomWords: Bool { true }

    @inline(__always)
    public func sample(firstWord word: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        var draw = RandomDraw(key: key, position: position, first: word)
        return sample(using: &draw)
    }

    /// The first words from the C kernel (`nnlab_philox_words`, two Philox blocks at a time) in
    /// batches on the stack, then `sample(firstWord:key:position:)` on each.
    @inline(__always)
    public func fill(_ out: UnsafeMutablePointer<Double>, count: Int, key: (UInt64, UInt64), first: UInt64) {
        guard Self.usesRandomWords else {
            for j in 0..<count { out[j] = sample(firstWord: 0, key: key, position: first &+ UInt64(j)) }
            return
        }
        let batch = 4096  // words, 32 KB
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: batch) { words in
            let w = words.baseAddress!
            var done = 0
            while done < count {
                let n = Swift.min(batch, count - done)
                let position = first &+ UInt64(done)
                nnlab_philox_words(w, n, key.0, key.1, position)
                for j in 0..<n { out[done + j] = sample(firstWord: w[j], key: key, position: position &+ UInt64(j)) }
                done += n
            }
        }
    }
}

/// `(w ≫ 11) · 2⁻⁵³`: a uniform number in [0, 1) from a word's top 53 bits.
@inlinable @inline(__always)
func unitInterval(_ word: UInt64) -> Double { Double(top53(word)) * 0x1.0p-53 }

/// `w ≫ 11` as a signed integer. The value is below 2⁵³, so converting it to Double is exact
/// either way; the signed conversion is one instruction on x86-64, the unsigned one a branchy
/// sequence that took a third of a ziggurat draw's time.
@inlinable @inline(__always)
func top53(_ word: UInt64) -> Int64 { Int64(bitPattern: word >> 11) }

/// N(mean, std²).
public struct NormalDistribution: ScalarDistribution {
    public var mean: Double, std: Double
    let tables = ZigguratTables.shared
    public init(mean: Double = 0, std: Double = 1) { self.mean = mean; self.std = std }
    @inline(__always)
    public func sample(using draw: inout RandomDraw) -> Double {
        mean + std * draw.zigguratNormal(tables)
    }
    @inline(__always)
    public func sample(firstWord word: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        mean + std * tables.normal(firstWord: word, key: key, position: position)
    }

    /// The C kernel (`nnlab_philox_normals`, bit-identical to `sample`): Philox words vectorized
    /// where the CPU allows, the ziggurat's fast path, and the 2.7% of draws that miss it through
    /// the whole ziggurat, all in one call.
    public func fill(_ out: UnsafeMutablePointer<Double>, count: Int, key: (UInt64, UInt64), first: UInt64) {
        nnlab_philox_normals(out, count, key.0, key.1, first, tables.x, tables.ratio, mean, std)
    }
}

/// U[low, high): `low + (high − low) · u`.
public struct UniformDistribution: ScalarDistribution {
    public var low: Double, high: Double
    public init(low: Double, high: Double) { self.low = low; self.high = high }
    @inline(__always)
    public func sample(using draw: inout RandomDraw) -> Double { low + (high - low) * draw.uniform() }
    @inline(__always)
    public func sample(firstWord word: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        low + (high - low) * unitInterval(word)
    }
}

/// `scale · z` with z ~ N(0, 1) cut to [−bound, bound].
public struct TruncatedNormalDistribution: ScalarDistribution {
    public var scale: Double, bound: Double
    let tables = ZigguratTables.shared
    public init(scale: Double, bound: Double = 2) { self.scale = scale; self.bound = bound }
    @inline(__always)
    public func sample(using draw: inout RandomDraw) -> Double { scale * draw.truncatedNormal(bound: bound, tables) }
    @inline(__always)
    public func sample(firstWord word: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        if let z = tables.fastNormal(word), abs(z) <= bound { return scale * z }
        var draw = RandomDraw(key: key, position: position, first: word)
        return sample(using: &draw)
    }
}

/// Always `value` (constant and zero initialization); draws nothing.
public struct ConstantDistribution: ScalarDistribution {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    @inline(__always)
    public func sample(using draw: inout RandomDraw) -> Double { value }
    public static var usesRandomWords: Bool { false }
}

/// 1 with probability `p`, else 0: a dropout keep-mask element.
public struct BernoulliDistribution: ScalarDistribution {
    public var p: Double
    public init(p: Double) { self.p = p }
    @inline(__always)
    public func sample(using draw: inout RandomDraw) -> Double { draw.uniform() < p ? 1 : 0 }
    @inline(__always)
    public func sample(firstWord word: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        unitInterval(word) < p ? 1 : 0
    }
}
