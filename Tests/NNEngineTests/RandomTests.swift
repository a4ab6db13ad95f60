import XCTest
@testable import NNEngine

/// SplitMix64 and xoshiro256**: reference vectors, determinism, streams, and the uniform draws.
final class RandomTests: XCTestCase {
    // The vectors below come from the reference C implementations (splitmix64.c and
    // xoshiro256starstar.c from Vigna's site, prng.di.unimi.it), compiled with gcc and run for
    // seeds 0 and 42; xoshiro256** is seeded with the first four SplitMix64 outputs of the seed,
    // and "after jump" are the three outputs following the reference jump() after five draws.
    static let splitMix64Reference: [UInt64: [UInt64]] = [
        0: [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B],
        42: [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52, 0x581C_E1FF_0E4A_E394, 0x09BC_585A_2448_23F2],
    ]
    static let xoshiroReference: [UInt64: (first: [UInt64], afterJump: [UInt64])] = [
        0: ([0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59],
            [0xFD4C_3AE4_6CA6_4165, 0xED74_42D7_EBEE_7731, 0x0D9B_F858_091C_1913]),
        42: ([0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1, 0xFDE6_DC7F_E2EC_5E64],
             [0x1EAB_92F3_C946_0792, 0xF548_4AA4_3E93_F003, 0x42E0_A9AE_4359_C6FE]),
    ]

    func testSplitMix64MatchesReferenceC() {
        for (seed, expected) in Self.splitMix64Reference {
            var generator = SplitMix64(seed: seed)
            let observed = expected.map { _ in generator.next() }
            XCTAssertEqual(observed, expected, "SplitMix64 seed \(seed)")
        }
    }

    func testXoshiroMatchesReferenceC() {
        for (seed, expected) in Self.xoshiroReference {
            var generator = Xoshiro256StarStar(seed: seed)
            let observed = expected.first.map { _ in generator.next() }
            XCTAssertEqual(observed, expected.first, "xoshiro256** seed \(seed)")
            generator.jump()
            let afterJump = expected.afterJump.map { _ in generator.next() }
            XCTAssertEqual(afterJump, expected.afterJump, "xoshiro256** seed \(seed) after jump()")
        }
    }

    func testSameSeedGivesSameStreamAndDifferentSeedsDiffer() {
        var a = Xoshiro256StarStar(seed: 7), b = Xoshiro256StarStar(seed: 7), c = Xoshiro256StarStar(seed: 8)
        let streamA = (0..<1000).map { _ in a.next() }
        let streamB = (0..<1000).map { _ in b.next() }
        let streamC = (0..<1000).map { _ in c.next() }
        XCTAssertEqual(streamA, streamB)
        XCTAssertTrue(Set(streamA).isDisjoint(with: streamC), "seeds 7 and 8 share a draw in their first 1000")
    }

    func testSplitReturnsCurrentStreamAndAdvancesParent() {
        var parent = Xoshiro256StarStar(seed: 3)
        var copy = parent
        var child = parent.split()
        let childDraws = (0..<1000).map { _ in child.next() }
        let copyDraws = (0..<1000).map { _ in copy.next() }
        XCTAssertEqual(childDraws, copyDraws, "split() hands out the stream the parent was on")

        var second = parent.split()
        let secondDraws = (0..<1000).map { _ in second.next() }
        let parentDraws = (0..<1000).map { _ in parent.next() }
        XCTAssertTrue(Set(childDraws).isDisjoint(with: secondDraws), "two split streams overlap in their first draws")
        XCTAssertTrue(Set(childDraws).isDisjoint(with: parentDraws), "the parent did not move past the child's stream")
        XCTAssertTrue(Set(secondDraws).isDisjoint(with: parentDraws), "the parent did not move past the second stream")
    }

    func testJumpIsReproducible() {
        var a = Xoshiro256StarStar(seed: 11), b = Xoshiro256StarStar(seed: 11)
        a.jump(); b.jump()
        XCTAssertEqual((0..<100).map { _ in a.next() }, (0..<100).map { _ in b.next() })
    }

    func testUniformMeanAndVarianceMatchTheory() {
        let n = 200_000
        var generator = Xoshiro256StarStar(seed: 1)
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
        var generator = Xoshiro256StarStar(seed: 2)
        for _ in 0..<10_000 {
            let x = generator.uniform(-3, 5)
            XCTAssert(x >= -3 && x < 5, "uniform(-3, 5) gave \(x)")
        }
    }

    func testRandomNormalIsIdenticalForTheSameSeedWhateverTheScheduling() {
        // 2.5 chunks: several streams filled concurrently.
        let count = Tensor.randomChunkSize * 5 / 2
        var first = Xoshiro256StarStar(seed: 99), second = Xoshiro256StarStar(seed: 99)
        let a = Tensor.randomNormal(shape: [count], using: &first)
        let b = Tensor.randomNormal(shape: [count], using: &second)
        XCTAssertEqual(a.scalars.map(\.bitPattern), b.scalars.map(\.bitPattern), "two runs differ")
        XCTAssertEqual(first.next(), second.next(), "generators left in different states")

        // The same values drawn serially, chunk by chunk from streams split off in order.
        var serial = Xoshiro256StarStar(seed: 99)
        var streams = (0..<3).map { _ in serial.split() }
        var expected: [Double] = []
        for chunk in 0..<3 {
            let end = min((chunk + 1) * Tensor.randomChunkSize, count)
            for _ in (chunk * Tensor.randomChunkSize)..<end { expected.append(streams[chunk].normal()) }
        }
        XCTAssertEqual(a.scalars.map(\.bitPattern), expected.map(\.bitPattern), "parallel fill differs from the serial definition")
    }
}
