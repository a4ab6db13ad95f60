/// One step of a random stream's path: a purpose (`layer`, `chunk`, `shuffle`) and an index
/// (layer 3, epoch 4).
///
/// `RandomStream(seed: 0).stream(.layer(3))` and `.stream(.input)` are different streams, and
/// so are `.stream(.layer(3))` and `.stream(.layer(4))`: the child's key is Philox of the
/// parent's key applied to the counter `(name₀, name₁, index, D)`, where `name₀, name₁` are the
/// purpose's name packed as 16 bytes and `D` a constant that no drawing counter uses. Distinct
/// (name, index) pairs are distinct counters, so their blocks differ (Philox is a bijection);
/// the child keys are 128 bits of those blocks.
///
/// The name is a string written once in code, where a purpose is declared (engine purposes
/// here, a lab's own purposes in its module), never parsed from input. Names are at most 16
/// bytes, so packing them is injective and no two purposes can share a key by a hash collision.
public struct StreamKey: Hashable, Sendable, CustomStringConvertible {
    /// The purpose, at most 16 bytes of UTF-8.
    public let name: String
    public let index: UInt64

    public init(_ name: String, index: UInt64 = 0) {
        precondition(!name.isEmpty && name.utf8.count <= 16, "a stream purpose is 1 to 16 bytes, got '\(name)'")
        self.name = name
        self.index = index
    }

    public init(_ name: String, index: Int) {
        precondition(index >= 0, "a stream index is non-negative, got \(index)")
        self.init(name, index: UInt64(index))
    }

    /// The name's bytes packed little-endian into two words (zero-padded).
    var nameWords: (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for (i, byte) in name.utf8.enumerated() {
            if i < 8 { words.0 |= UInt64(byte) << (8 * UInt64(i)) } else { words.1 |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
        return words
    }

    public var description: String { "\(name) \(index)" }
}

extension StreamKey {
    /// A network's input batch.
    public static let input = StreamKey("input")
    /// A random upstream gradient dL/dh.
    public static let upstreamGradient = StreamKey("upstream")
    /// The weights of layer `l`.
    public static func layer(_ l: Int) -> StreamKey { StreamKey("layer", index: l) }
    /// Weight initialization of a model.
    public static let initialization = StreamKey("initialization")
    /// The order of the examples in epoch `epoch`.
    public static func shuffle(epoch: Int) -> StreamKey { StreamKey("shuffle", index: epoch) }
    /// Dropout masks.
    public static let masks = StreamKey("masks")
    /// Generating a synthetic data set.
    public static let data = StreamKey("data")
    /// Splitting a data set into parts.
    public static let split = StreamKey("split")
    /// Gradient noise, for run `run`.
    public static func noise(run: Int) -> StreamKey { StreamKey("noise", index: run) }
    /// Sample `i` of a set (an augmented copy, a Monte Carlo pass).
    public static func sample(_ i: Int) -> StreamKey { StreamKey("sample", index: i) }
}
