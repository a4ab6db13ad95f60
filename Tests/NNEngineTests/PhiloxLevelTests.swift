import CKernels
import XCTest
@testable import NNEngine

/// The vectorized Philox and ziggurat kernels (AVX2, AVX-512) against the scalar code, for every
/// lane and tail length, and the C kernel's whole ziggurat (wedge and tail included) against the
/// Swift sampler. Levels above what the CPU has run at its best level, so on an older CPU these
/// compare the baseline with itself; the test prints which levels it covered.
final class PhiloxLevelTests: XCTestCase {
    static let key: (UInt64, UInt64) = (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210)
    static let levels = Array(0...2)

    /// Every first position within a block (0…3) plus one past a 16-block group, and every count
    /// up to 3 groups of 16 blocks and a bit (the vector groups, the scalar blocks beside them,
    /// and every tail length), plus a count above the normal kernel's 512-word batch.
    func testWordsAtEveryLevelEqualScalarWords() {
        print("Philox level of this CPU: \(nnlab_philox_level())")
        let firsts: [UInt64] = [0, 1, 2, 3, 64 + 5, 1 << 40 + 3]
        for first in firsts {
            for count in Array(0...200) + [1000, 4099] {
                var scalar = [UInt64](repeating: 0, count: count + 1)
                nnlab_philox_words_at_level(&scalar, count, Self.key.0, Self.key.1, first, 0)
                XCTAssertEqual(scalar[count], 0, "wrote past the end")
                for level in Self.levels.dropFirst() {
                    var vector = [UInt64](repeating: 0, count: count + 1)
                    nnlab_philox_words_at_level(&vector, count, Self.key.0, Self.key.1, first, Int32(level))
                    if vector != scalar {
                        XCTFail("level \(level), first \(first), count \(count)")
                        return
                    }
                }
            }
        }
        // The scalar level against the Swift block function, word by word.
        var words = [UInt64](repeating: 0, count: 300)
        nnlab_philox_words_at_level(&words, 300, Self.key.0, Self.key.1, 7, 0)
        for (j, word) in words.enumerated() {
            let p = 7 + UInt64(j)
            let block = Philox4x64.block((p / 4, 0, 0, 0), key: Self.key)
            XCTAssertEqual(word, [block.0, block.1, block.2, block.3][Int(p % 4)], "word \(p)")
        }
    }

    /// Each level's normals, bit for bit, against `RandomDraw.zigguratNormal` on the same draws:
    /// 40,000 draws include about 1,100 that miss the fast path, a dozen of them in the tail.
    func testNormalsAtEveryLevelEqualSwiftZiggurat() {
        let tables = ZigguratTables.shared
        let first: UInt64 = 3, count = 40_000
        var slowDraws = 0, tailDraws = 0
        let expected = (0..<count).map { j -> Double in
            let p = first + UInt64(j)
            let stream = RandomStream(key: Self.key)
            let word = stream.word(at: p)
            if tables.fastNormal(word) == nil {
                slowDraws += 1
                if word & 0x7F == 0 { tailDraws += 1 }
            }
            var draw = RandomDraw(key: Self.key, position: p, first: word)
            return 0.25 + 2 * draw.zigguratNormal()
        }
        print("draws off the fast path: \(slowDraws) of \(count), \(tailDraws) in the base layer")
        XCTAssertGreaterThan(tailDraws, 0, "the sample should reach the tail")
        for level in Self.levels {
            var out = [Double](repeating: .nan, count: count)
            nnlab_philox_normals_at_level(&out, count, Self.key.0, Self.key.1, first, tables.x, tables.ratio, 0.25, 2, Int32(level))
            let mismatches = (0..<count).filter { out[$0].bitPattern != expected[$0].bitPattern }
            XCTAssertEqual(mismatches.count, 0, "level \(level): first mismatches at \(mismatches.prefix(5))")
            // Short calls, as a stream's refill makes, at every offset and tail length.
            for start in [0, 1, 5, 63] {
                for n in [0, 1, 3, 4, 5, 17, 64, 65, 130] {
                    var part = [Double](repeating: .nan, count: n)
                    nnlab_philox_normals_at_level(&part, n, Self.key.0, Self.key.1, first + UInt64(start),
                                                  tables.x, tables.ratio, 0.25, 2, Int32(level))
                    XCTAssertEqual(part.map(\.bitPattern), expected[start..<start + n].map(\.bitPattern),
                                   "level \(level), start \(start), count \(n)")
                }
            }
        }
    }

    /// `RandomStream.normal()` (batches of 64 from the C kernel) draw by draw against the Swift
    /// sampler, across batch boundaries and after `next()` moved the stream to odd positions.
    func testSequentialNormalsEqualSwiftZiggurat() {
        var stream = RandomStream(seed: 99).stream(.layer(2))
        let key = stream.key
        for step in 0..<3_000 {
            if step % 97 == 0 { _ = stream.next() }
            let p = stream.position
            var draw = RandomDraw(key: key, position: p, first: stream.word(at: p))
            let expected = draw.zigguratNormal()
            XCTAssertEqual(stream.normal().bitPattern, expected.bitPattern, "draw \(p)")
        }
    }
}
