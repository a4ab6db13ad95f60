import CKernels
import XCTest
@testable import NNEngine

/// SplitMix64's reference vectors; the keyed streams: determinism, derivation, the parallel fill
/// against the sequential definition (C kernel against Swift), and the uniform draws.
final class RandomTests: XCTestCase {
    // The vectors below come from the reference C implementation (splitmix64.c from Vigna's
    // site, prng.di.unimi.it), compiled with gcc and run for seeds 0 and 42.
    static let splitMix64Reference: [UInt64: [UInt64]] = [
        0: [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B],
        42: [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52, 0x581C_E1FF_0E4A_E394, 0x09BC_585A_2448_23F2],
    ]
    func testSplitMix64MatchesReferenceC() {
        for (seed, expected) in Self.splitMix64Reference {
            var generator = SplitMix64(seed: seed)
            let observed = expected.map { _ in generator.next() }
            XCTAssertEqual(observed, expected, "SplitMix64 seed \(seed)")
        }
    }

    func testUniformMeanAndVarianceMatchTheory() {
        let n = 200_000
        var generator = RandomStream(seed: 1)
        let draws = (0..<n).map { _ in generator.uniform() }
        XCTAssertGreaterThanOrEqual(draws.min()!, 0)
        XCTAssertLessThan(draws.max()!, 1)
        let sample = Tensor(draws)
        // U[0, 1): mean 1/2, variance 1/12, kurtosis 9/5.
        assertStatistic(sample.mean, 0.5, standardError: StatisticalTolerance.meanError(n: n, sigma: (1.0 / 12).squareRoot()),
                        "mean of U[0,1)")
        assertStatistic(sample.variance, 1.0 / 12,
                        standardError: StatisticalTolerance.varianceError(n: n, variance: 1.0 / 12, kurtosis: 1.8),
                        "variance of U[0,1)")
        let ks = StatisticalTolerance.ksStatistic(draws) { min(max($0, 0), 1) }
        assertWithin(ks, 0, tolerance: StatisticalTolerance.ksCritical(n: n), "KS distance of uniform() from U[0,1)")
    }

    func testUniformRangeStaysInBounds() {
        var generator = RandomStream(seed: 2)
        for _ in 0..<10_000 {
            let x = generator.uniform(-3, 5)
            XCTAssert(x >= -3 && x < 5, "uniform(-3, 5) gave \(x)")
        }
    }

    func testSameSeedGivesSameStreamAndDifferentSeedsDiffer() {
        var a = RandomStream(seed: 7), b = RandomStream(seed: 7), c = RandomStream(seed: 8)
        let streamA = (0..<1000).map { _ in a.next() }
        let streamB = (0..<1000).map { _ in b.next() }
        let streamC = (0..<1000).map { _ in c.next() }
        XCTAssertEqual(streamA, streamB)
        XCTAssertTrue(Set(streamA).isDisjoint(with: streamC), "seeds 7 and 8 share a draw in their first 1000")
    }

    func testDrawPIsWordPOfTheCounterBlockPOver4() {
        let stream = RandomStream(seed: 5)
        var sequential = stream
        for p in 0..<40 as Range<UInt64> {
            let block = Philox4x64.block((p / 4, 0, 0, 0), key: stream.key)
            let expected = [block.0, block.1, block.2, block.3][Int(p % 4)]
            XCTAssertEqual(sequential.next(), expected, "draw \(p)")
            XCTAssertEqual(stream.word(at: p), expected, "word(at: \(p))")
        }
    }

    func testChildStreamsDependOnPathNotOnParentPosition() {
        var parent = RandomStream(seed: 3)
        let before = parent.stream(.layer(2))
        for _ in 0..<10 { _ = parent.next() }
        let after = parent.stream(.layer(2))
        XCTAssertTrue(before.key == after.key, "a child's key must not depend on the parent's position")
        XCTAssertTrue(RandomStream(seed: 3, path: .layer(2)).key == before.key)
        XCTAssertFalse(parent.stream(.layer(3)).key == before.key)
        XCTAssertFalse(parent.stream(.layer(2), .layer(2)).key == before.key)
        // Purposes are told apart by name and index, packed without hashing.
        XCTAssertFalse(StreamKey("ab").nameWords == StreamKey("ba").nameWords)
        XCTAssertFalse(StreamKey("a", index: 1) == StreamKey("a", index: 2))
        let long = StreamKey("0123456789abcdef").nameWords
        XCTAssertNotEqual(long.1, 0, "bytes 9-16 go to the second word")
    }

    /// The parallel fill (C kernel, counter ranges on several threads) against the definition:
    /// element i is draw `first + i`, sampled one at a time by the Swift path. Bit for bit, for
    /// every distribution, across chunk boundaries and from an unaligned first position.
    func testFillEqualsSequentialDrawsBitForBit() {
        let count = Tensor.randomChunkSize * 5 / 2 + 3
        func check<D: ScalarDistribution>(_ distribution: D, _ name: String, sequential: (inout RandomStream) -> Double) {
            var filler = RandomStream(seed: 99), drawer = RandomStream(seed: 99)
            for _ in 0..<3 { _ = filler.next(); _ = drawer.next() }
            let filled = Tensor.random(shape: [count], from: distribution, using: &filler)
            let drawn = (0..<count).map { _ in sequential(&drawer) }
            let mismatches = zip(filled.scalars, drawn).filter { $0.bitPattern != $1.bitPattern }.count
            print("\(name): \(count) elements, \(mismatches) differ between the parallel fill and sequential draws")
            XCTAssertEqual(mismatches, 0, name)
            XCTAssertEqual(filler.position, drawer.position, "\(name): the fill must move the stream past its draws")
            XCTAssertEqual(filler.next(), drawer.next(), name)
        }
        check(NormalDistribution(), "N(0, 1)") { $0.normal() }
        check(NormalDistribution(mean: 0.5, std: 3), "N(0.5, 9)") { 0.5 + 3 * $0.normal() }
        check(UniformDistribution(low: -1, high: 2), "U[-1, 2)") { $0.uniform(-1, 2) }
        check(TruncatedNormalDistribution(scale: 0.1), "truncated normal") { 0.1 * $0.truncatedNormal() }
        check(BernoulliDistribution(p: 0.3), "Bernoulli(0.3)") { $0.uniform() < 0.3 ? 1 : 0 }
    }

    /// The C kernel's normals against the Swift sampler, on draws that take the slow path too.
    func testCNormalKernelMatchesSwiftZiggurat() {
        let stream = RandomStream(seed: 12345)
        let count = 20_000
        var out = [Double](repeating: .nan, count: count)
        var slow = [UInt32](repeating: 0, count: count)
        let tables = ZigguratTables.shared
        let slowCount = nnlab_philox_normal(&out, count, stream.key0, stream.key1, 17, tables.x, tables.ratio, 0, 1, &slow)
        var swiftFast = 0
        for j in 0..<count {
            let word = stream.word(at: 17 + UInt64(j))
            if let z = tables.fastNormal(word) {
                swiftFast += 1
                XCTAssertEqual(out[j].bitPattern, z.bitPattern, "draw \(j)")
            }
        }
        print("fast path: C \(count - slowCount), Swift \(swiftFast) of \(count)")
        XCTAssertEqual(count - slowCount, swiftFast, "the C kernel and Swift disagree on which draws leave the fast path")
        XCTAssertEqual(Set(slow.prefix(slowCount)).count, slowCount)
    }

    /// Sums of the parallel fill do not depend on how many threads run it: the same tensor from a
    /// fill of the whole and from fills of pieces at consecutive positions.
    func testFillInPiecesEqualsFillOfTheWhole() {
        var whole = RandomStream(seed: 4), pieces = RandomStream(seed: 4)
        let a = Tensor.randomNormal(shape: [100_003], using: &whole)
        let b = Tensor.randomNormal(shape: [40_001], using: &pieces).scalars + Tensor.randomNormal(shape: [60_002], using: &pieces).scalars
        XCTAssertEqual(a.scalars.map(\.bitPattern), b.map(\.bitPattern))
    }
}
