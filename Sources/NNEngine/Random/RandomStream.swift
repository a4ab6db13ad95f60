import CKernels

/// The engine's random numbers: a keyed, counter-based stream (Philox4x64-10, Salmon et al. SC'11,
/// as in JAX, numpy's `Philox` and cuRAND).
///
/// A stream is a 128-bit key and a position. Draw `p` of the stream is computed from (key, p)
/// alone: its first word is word `p mod 4` of `Philox(key, counter: (p/4, 0, 0, 0))`, and when
/// a rejection sampler needs more words for that draw they come from the counters
/// `(p, r, 0, 0)`, r = 1, 2, … (see `RandomDraw`). So a tensor fill can hand counter ranges of
/// one stream to any number of threads and get the same numbers as one thread drawing in order.
///
/// Streams are never split by position. A stream for a purpose is derived from its parent by key
/// (`stream(.layer(3))`, see `StreamKey`), so every stream is named by (seed, path of purposes),
/// and two different paths have unrelated keys: their numbers do not overlap, whatever the
/// number of draws. Every random draw in NNLab comes from one of these, created from an explicit
/// seed and passed `inout`; there is no global generator.
public struct RandomStream: RandomNumberGenerator, Sendable {
    /// The Philox key.
    public let key0: UInt64, key1: UInt64
    /// The index of the next draw.
    public var position: UInt64 { nextPosition }
    // The state below is visible to inlinable code so that `next()` and `normal()` inline into
    // the caller's loop in other modules; a call per draw, and the spill of the caller's running
    // values around it, cost more than the draw itself.
    @usableFromInline var nextPosition: UInt64 = 0
    /// The words at positions `8·bufferIndex ..< 8·bufferIndex + 8` (two Philox blocks, computed
    /// together by the C kernel, whose two independent blocks keep the multiplier busy).
    @usableFromInline var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    @usableFromInline var bufferIndex = UInt64.max
    /// The standard normals of the draws at `32·normalsIndex ..< 32·normalsIndex + 32`, every one
    /// resolved by the C kernel (fast path, wedge and tail alike), kept apart from `buffer` so a
    /// stream used for normals alone computes each block once. Thirty-two (eight blocks, the
    /// vectorized kernel's group) spread the call over enough draws that a sequential draw costs
    /// little more than a fill's; sixteen, with the rare draws replayed in Swift, cost twice that.
    @usableFromInline var normals = SIMD64<Double>()
    @usableFromInline var normalsIndex = UInt64.max

    /// The last word of a derivation counter, which no drawing counter has (theirs is 0), so a
    /// child key is never a block of the parent's draws. ASCII "NNLabKey".
    static let derivationDomain: UInt64 = 0x7965_4B62_614C_4E4E
    /// The key a seed is derived from: ASCII "NNLab" and "seed".
    static let rootKey: (UInt64, UInt64) = (0x62_614C_4E4E, 0x6465_6573)

    /// The root stream of `seed`: key = the first two words of `Philox(rootKey, (seed, 0, 0, D))`.
    public init(seed: UInt64) {
        let derived = Philox4x64.block((seed, 0, 0, Self.derivationDomain), key: Self.rootKey)
        self.init(key: (derived.0, derived.1))
    }

    /// The stream with this key, at position 0.
    public init(key: (UInt64, UInt64)) {
        key0 = key.0
        key1 = key.1
    }

    /// `RandomStream(seed: seed).stream(path[0]).stream(path[1])…`.
    public init(seed: UInt64, path: StreamKey...) {
        self = path.reduce(RandomStream(seed: seed)) { $0.stream($1) }
    }

    public var key: (UInt64, UInt64) { (key0, key1) }

    /// The child stream for `purpose`, at position 0; it does not depend on, nor change, this
    /// stream's position.
    public func stream(_ purpose: StreamKey) -> RandomStream {
        let name = purpose.nameWords
        let derived = Philox4x64.block((name.0, name.1, purpose.index, Self.derivationDomain), key: key)
        return RandomStream(key: (derived.0, derived.1))
    }

    /// The child stream at the end of `path`.
    public func stream(_ path: StreamKey...) -> RandomStream {
        path.reduce(self) { $0.stream($1) }
    }

    /// The first word of draw `position`.
    @inline(__always)
    public func word(at position: UInt64) -> UInt64 {
        let b = Philox4x64.block((position >> 2, 0, 0, 0), key: key)
        switch position & 3 {
        case 0: return b.0
        case 1: return b.1
        case 2: return b.2
        default: return b.3
        }
    }

    /// The next 64 random bits (the first word of the next draw).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let index = nextPosition >> 3
        if index != bufferIndex { refill(index) }
        let offset = Int(nextPosition & 7)
        nextPosition &+= 1
        return withUnsafeBytes(of: &buffer) { $0.load(fromByteOffset: 8 * offset, as: UInt64.self) }
    }

    @usableFromInline @inline(never)
    mutating func refill(_ index: UInt64) {
        let (k0, k1) = (key0, key1)
        withUnsafeMutableBytes(of: &buffer) { bytes in
            nnlab_philox_words(bytes.baseAddress!.assumingMemoryBound(to: UInt64.self), 8, k0, k1, index << 3)
        }
        bufferIndex = index
    }

    /// The next draw as N(0, 1) by the ziggurat: element `position` of a tensor filled with
    /// `NormalDistribution()` from this stream, bit for bit.
    @inlinable @inline(__always)
    public mutating func normal() -> Double {
        let index = nextPosition >> 6
        if index != normalsIndex { refillNormals(index) }
        let offset = Int(nextPosition & 63)
        nextPosition &+= 1
        return withUnsafeBytes(of: &normals) { $0.load(fromByteOffset: 8 * offset, as: Double.self) }
    }

    @usableFromInline @inline(never)
    mutating func refillNormals(_ index: UInt64) {
        let (k0, k1) = (key0, key1)
        let tables = ZigguratTables.shared
        withUnsafeMutableBytes(of: &normals) { bytes in
            nnlab_philox_normals(bytes.baseAddress!.assumingMemoryBound(to: Double.self), 64, k0, k1, index << 6,
                                 tables.x, tables.ratio, 0, 1)
        }
        normalsIndex = index
    }

    /// The next draw, for samplers that may need more than one word (see `RandomDraw`).
    @inline(__always)
    public mutating func nextDraw() -> RandomDraw {
        let p = position
        return RandomDraw(key: key, position: p, first: next())
    }

    /// Skips `count` draws: what a tensor fill that used positions `position ..< position + count`
    /// leaves behind.
    public mutating func advance(by count: Int) {
        precondition(count >= 0, "cannot move a stream backwards")
        nextPosition &+= UInt64(count)
    }
}
