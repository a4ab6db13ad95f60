/// The random words of one draw of a `RandomStream`: what one sampled number (a normal, a
/// uniform, a truncated normal) is computed from.
///
/// The first word is the stream's word at the draw's position `p`; a rejection sampler that
/// needs more (2.7% of ziggurat normals, the truncated normal's retries) gets them from the
/// counters `(p, 1, 0, 0)`, `(p, 2, 0, 0)`, … of the same key, which no other draw uses. So draw
/// `p` is a function of (key, p) only: a fill computes element `i` from position `first + i`,
/// in any order and on any thread.
public struct RandomDraw: RandomNumberGenerator {
    let key: (UInt64, UInt64)
    let position: UInt64
    private let first: UInt64
    private var firstUsed = false
    /// The retry block in use and how many of its words are taken.
    private var retry: UInt64 = 0
    private var block: Philox4x64.Block = (0, 0, 0, 0)
    private var used = 4

    @inline(__always)
    init(key: (UInt64, UInt64), position: UInt64, first: UInt64) {
        self.key = key
        self.position = position
        self.first = first
    }

    /// The draw's next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        if !firstUsed {
            firstUsed = true
            return first
        }
        return nextRetryWord()
    }

    private mutating func nextRetryWord() -> UInt64 {
        if used == 4 {
            retry += 1
            block = Philox4x64.block((position, retry, 0, 0), key: key)
            used = 0
        }
        defer { used += 1 }
        switch used {
        case 0: return block.0
        case 1: return block.1
        case 2: return block.2
        default: return block.3
        }
    }
}
