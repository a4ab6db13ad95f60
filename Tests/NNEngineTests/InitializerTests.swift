import XCTest
@testable import NNEngine

/// Every initializer: the std formulas exactly, the drawn tensors against them within tolerances
/// derived from the number of elements, the orthogonality of `orthogonal`, and CLI parsing.
final class InitializerTests: XCTestCase {
    /// Non-square, so fan_in (300), fan_out (500) and fan_avg (400) all differ.
    static let shape = [300, 500]
    static let n = 300 * 500

    enum Draws { case normal, uniform, truncatedNormal
        /// Kurtosis of the standardized draws (truncated: N(0,1) cut to [−2, 2]).
        var kurtosis: Double {
            switch self {
            case .normal: return 3
            case .uniform: return 1.8
            case .truncatedNormal: return 2.3655
            }
        }
    }

    /// Draws `initializer` on `shape`, checks mean ≈ 0 and std ≈ `expectedStd` within 5 standard
    /// errors, and for uniform draws that every value lies within ±√3·std.
    func check(_ initializer: Initializer, draws: Draws, expectedStd: Double, seed: UInt64 = 1,
               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(initializer.standardDeviation(for: Self.shape)!, expectedStd, accuracy: 1e-15 * expectedStd,
                       "\(initializer) std formula", file: file, line: line)
        var generator = RandomStream(seed: seed)
        let w = initializer.make(shape: Self.shape, using: &generator)
        XCTAssertEqual(w.shape, Self.shape, file: file, line: line)
        assertStatistic(w.mean, 0, standardError: StatisticalTolerance.meanError(n: Self.n, sigma: expectedStd),
                        "\(initializer) mean", file: file, line: line)
        assertStatistic(w.standardDeviation, expectedStd,
                        standardError: StatisticalTolerance.stdError(n: Self.n, sigma: expectedStd, kurtosis: draws.kurtosis),
                        "\(initializer) std", file: file, line: line)
        switch draws {
        case .uniform:
            let bound = 3.0.squareRoot() * expectedStd
            XCTAssert(w.min >= -bound && w.max <= bound, "\(initializer): range [\(w.min), \(w.max)] exceeds ±\(bound)",
                      file: file, line: line)
        case .truncatedNormal:
            let bound = 2 * expectedStd / truncatedNormalStdAtTwo
            XCTAssert(w.min >= -bound && w.max <= bound, "\(initializer): range [\(w.min), \(w.max)] exceeds ±\(bound)",
                      file: file, line: line)
        case .normal: break
        }
    }

    /// Zero-mean normal initializers are `s · z` with z from the same stream, element for
    /// element, so an experiment may draw `z` once and scale it; the others have no such `s`.
    func testNormalScaleIsTheFactorOfTheSameDraws() {
        let shape = [256, 128]
        for (initializer, expected) in [(Initializer.normal(std: 0.05), 0.05), (.xavierNormal(), (2 / 384.0).squareRoot()),
                                        (.kaimingNormal(), (2 / 256.0).squareRoot()),
                                        (.varianceScaling(scale: 3, mode: .fanOut, distribution: .normal), (3 / 128.0).squareRoot())] {
            let s = initializer.normalScale(for: shape)
            XCTAssertEqual(s, expected, "\(initializer)")
            var a = RandomStream(seed: 9), b = a
            let z = Initializer.normal(std: 1).make(shape: shape, using: &a)
            XCTAssertEqual(initializer.make(shape: shape, using: &b), z * s!, "\(initializer)")
        }
        for initializer in [Initializer.normal(mean: 1, std: 0.05), .uniform(low: -1, high: 1), .constant(0.01), .zeros,
                            .xavierUniform(), .kaimingUniform(), .lecunNormal, .orthogonal()] {
            XCTAssertNil(initializer.normalScale(for: shape), "\(initializer)")
        }
    }

    func testZerosAndConstant() {
        var generator = RandomStream(seed: 0)
        XCTAssertEqual(Initializer.zeros.make(shape: Self.shape, using: &generator), Tensor(zeros: Self.shape))
        let c = Initializer.constant(0.25).make(shape: Self.shape, using: &generator)
        XCTAssertTrue(c.scalars.allSatisfy { $0 == 0.25 })
        XCTAssertEqual(Initializer.zeros.standardDeviation(for: Self.shape), 0)
        XCTAssertEqual(Initializer.constant(3).standardDeviation(for: Self.shape), 0)
    }

    func testNormalAndUniform() {
        check(.normal(std: 0.01), draws: .normal, expectedStd: 0.01)
        check(.uniform(low: -0.3, high: 0.3), draws: .uniform, expectedStd: 0.6 / 12.0.squareRoot())
        var generator = RandomStream(seed: 2)
        let shifted = Initializer.uniform(low: 2, high: 3).make(shape: [1000], using: &generator)
        XCTAssert(shifted.min >= 2 && shifted.max < 3, "U[2,3) range [\(shifted.min), \(shifted.max)]")
        let offset = Initializer.normal(mean: 5, std: 0.1).make(shape: [10_000], using: &generator)
        assertStatistic(offset.mean, 5, standardError: StatisticalTolerance.meanError(n: 10_000, sigma: 0.1), "normal(mean 5) mean")
    }

    func testXavier() {
        let std = (2.0 / 800).squareRoot()
        check(.xavierNormal(), draws: .normal, expectedStd: std)
        check(.xavierNormal(gain: 5.0 / 3), draws: .normal, expectedStd: 5.0 / 3 * std)
        check(.xavierUniform(), draws: .uniform, expectedStd: std)
        check(.xavierUniform(gain: 2), draws: .uniform, expectedStd: 2 * std)
    }

    func testKaimingFanInAndFanOut() {
        let gain = 2.0.squareRoot()
        check(.kaimingNormal(), draws: .normal, expectedStd: gain / 300.0.squareRoot())
        check(.kaimingNormal(mode: .fanOut), draws: .normal, expectedStd: gain / 500.0.squareRoot())
        check(.kaimingUniform(), draws: .uniform, expectedStd: gain / 300.0.squareRoot())
        check(.kaimingUniform(mode: .fanOut, gain: 1), draws: .uniform, expectedStd: 1 / 500.0.squareRoot())
    }

    func testLecunNormal() {
        check(.lecunNormal, draws: .truncatedNormal, expectedStd: 1 / 300.0.squareRoot())
    }

    func testVarianceScalingEveryDistributionAndMode() {
        let fans: [(FanMode, Double)] = [(.fanIn, 300), (.fanOut, 500), (.fanAverage, 400)]
        let distributions: [(ScalingDistribution, Draws)] = [(.normal, .normal), (.uniform, .uniform), (.truncatedNormal, .truncatedNormal)]
        for (mode, fan) in fans {
            for (distribution, draws) in distributions {
                check(.varianceScaling(scale: 2, mode: mode, distribution: distribution), draws: draws,
                      expectedStd: (2 / fan).squareRoot())
            }
        }
    }

    func testGainsMatchTorchCalculateGain() {
        XCTAssertEqual(Activation.tanh.gain, 5.0 / 3.0)
        XCTAssertEqual(Activation.relu.gain, 2.0.squareRoot())
        XCTAssertEqual(Activation.leakyReLU(slope: 0.2).gain, (2 / (1 + 0.04)).squareRoot())
        XCTAssertEqual(Activation.selu.gain, 0.75)
        XCTAssertEqual(Activation.sigmoid.gain, 1)
        XCTAssertNil(Activation.gelu.gain)
    }

    func testFans() {
        XCTAssertEqual(FanMode.fanIn.fan(Self.shape), 300)
        XCTAssertEqual(FanMode.fanOut.fan(Self.shape), 500)
        XCTAssertEqual(FanMode.fanAverage.fan(Self.shape), 400)
        XCTAssertEqual(FanMode.fanOut.fan([7]), 1)
    }

    func testOrthogonalTallAndWide() {
        for (shape, gain) in [([60, 40], 1.0), ([40, 60], 1.0), ([50, 50], 2.0), ([60, 40], 5.0 / 3)] {
            var generator = RandomStream(seed: 5)
            let w = Initializer.orthogonal(gain: gain).make(shape: shape, using: &generator)
            XCTAssertEqual(w.shape, shape)
            XCTAssertNil(Initializer.orthogonal(gain: gain).standardDeviation(for: shape))
            // Tall: orthonormal columns, WᵀW = gain²·I. Wide: orthonormal rows, WWᵀ = gain²·I.
            let tall = shape[0] >= shape[1]
            let gram = Tensor.matmul(w, w, transposeA: tall, transposeB: !tall)
            let k = min(shape[0], shape[1])
            XCTAssertEqual(gram.shape, [k, k])
            var worst = 0.0
            for i in 0..<k {
                for j in 0..<k { worst = max(worst, abs(gram[i, j] - (i == j ? gain * gain : 0))) }
            }
            print("orthogonal \(shape) gain \(gain): expected \(gain * gain)·I, largest |difference| \(worst)")
            XCTAssertLessThan(worst, 1e-10, "orthogonal \(shape) gain \(gain)")
        }
    }

    func testOrthogonalIsReproducible() {
        var a = RandomStream(seed: 9), b = RandomStream(seed: 9)
        XCTAssertEqual(Initializer.orthogonal().make(shape: [30, 20], using: &a),
                       Initializer.orthogonal().make(shape: [30, 20], using: &b))
    }

    func testParsingEverySpelling() throws {
        let cases: [(String, Initializer)] = [
            ("zeros", .zeros),
            ("constant:0.5", .constant(0.5)),
            ("normal:0.01", .normal(std: 0.01)),
            ("normal:0", .normal(std: 0)),
            ("uniform:-1,1", .uniform(low: -1, high: 1)),
            ("xavier-normal", .xavierNormal()),
            ("xavier-normal:2", .xavierNormal(gain: 2)),
            ("glorot-normal", .xavierNormal()),
            ("xavier-uniform", .xavierUniform()),
            ("glorot-uniform:3", .xavierUniform(gain: 3)),
            ("kaiming-normal", .kaimingNormal()),
            ("kaiming-normal:fan_out", .kaimingNormal(mode: .fanOut)),
            ("kaiming-normal:fan_in,1", .kaimingNormal(mode: .fanIn, gain: 1)),
            ("he-normal", .kaimingNormal()),
            ("kaiming-uniform:fan_out,2", .kaimingUniform(mode: .fanOut, gain: 2)),
            ("he-uniform", .kaimingUniform()),
            ("lecun-normal", .lecunNormal),
            ("variance-scaling:2,fan_in,normal", .varianceScaling(scale: 2, mode: .fanIn, distribution: .normal)),
            ("variance-scaling:1,fan_avg,uniform", .varianceScaling(scale: 1, mode: .fanAverage, distribution: .uniform)),
            ("variance-scaling:0.5,fan_out,truncated_normal", .varianceScaling(scale: 0.5, mode: .fanOut, distribution: .truncatedNormal)),
            ("orthogonal", .orthogonal()),
            ("orthogonal:1.5", .orthogonal(gain: 1.5)),
            ("XAVIER-NORMAL", .xavierNormal()),
        ]
        for (text, expected) in cases {
            let parsed = try Initializer(parsing: text)
            XCTAssertEqual(parsed, expected, text)
            XCTAssertEqual(try Initializer(parsing: parsed.description), parsed, "description '\(parsed.description)' round trip")
        }
    }

    func testParsingErrors() {
        let cases: [(String, [String])] = [
            ("nope", ["unknown initializer 'nope'", "valid:", "kaiming-normal", "orthogonal"]),
            ("normal:nan", ["normal:nan", "must be finite"]),
            ("normal:inf", ["normal:inf", "must be finite"]),
            ("normal:-0.1", ["must not be negative"]),
            ("normal", ["expected normal:STD"]),
            ("normal:abc", ["'abc' is not a number"]),
            ("uniform:1,0", ["uniform:1,0", "low must be below high"]),
            ("uniform:1", ["expected uniform:LOW,HIGH"]),
            ("xavier-normal:0", ["gain must be positive"]),
            ("kaiming-normal:fan_sideways", ["mode 'fan_sideways'", "fan_in"]),
            ("variance-scaling:2,fan_in,cauchy", ["distribution 'cauchy'", "truncated_normal"]),
            ("variance-scaling:-2,fan_in,normal", ["scale must be positive"]),
            ("zeros:1", ["expected no arguments"]),
        ]
        for (text, fragments) in cases {
            XCTAssertThrowsError(try Initializer(parsing: text), text) { error in
                guard let error = error as? LabError else { return XCTFail("\(text): \(error) is not a LabError") }
                XCTAssertFalse(error.message.contains("\n"), "\(text): message has several lines")
                for fragment in fragments {
                    XCTAssertTrue(error.message.contains(fragment), "\(text): '\(error.message)' lacks '\(fragment)'")
                }
            }
        }
    }
}
