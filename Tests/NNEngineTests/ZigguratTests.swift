import Foundation
import XCTest
@testable import NNEngine

/// The normal samplers (ziggurat, Box–Muller, truncated) against N(0, 1), with tolerances from
/// the sample size (see `StatisticalTolerance`).
final class ZigguratTests: XCTestCase {
    static let n = 200_000

    static func draws(seed: UInt64, count: Int = n, _ draw: (inout RandomStream) -> Double) -> [Double] {
        var generator = RandomStream(seed: seed)
        return (0..<count).map { _ in draw(&generator) }
    }

    func checkStandardNormal(_ samples: [Double], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let n = samples.count
        let t = Tensor(samples)
        assertStatistic(t.mean, 0, standardError: StatisticalTolerance.meanError(n: n), "\(name) mean", file: file, line: line)
        assertStatistic(t.variance, 1, standardError: StatisticalTolerance.varianceError(n: n), "\(name) variance",
                        file: file, line: line)
        let d = StatisticalTolerance.ksStatistic(samples, cdf: StatisticalTolerance.normalCDF)
        assertWithin(d, 0, tolerance: StatisticalTolerance.ksCritical(n: n), "\(name) KS distance from Φ", file: file, line: line)
    }

    func testZigguratIsStandardNormal() {
        checkStandardNormal(Self.draws(seed: 10) { $0.zigguratNormal() }, "ziggurat")
    }

    func testBoxMullerIsStandardNormal() {
        checkStandardNormal(Self.draws(seed: 11) { $0.boxMullerNormal() }, "Box–Muller")
    }

    func testNormalUsesTheZiggurat() {
        let a = Self.draws(seed: 12, count: 100) { $0.normal() }
        let b = Self.draws(seed: 12, count: 100) { $0.zigguratNormal() }
        XCTAssertEqual(a, b)
    }

    func testZigguratTailFrequency() {
        // P(|z| > 3) = erfc(3/√2) = 0.0026998; the tail beyond r = 3.44 goes through normalTail.
        let n = 1 << 20
        let samples = Self.draws(seed: 13, count: n) { $0.zigguratNormal() }
        let p = erfc(3 / 2.0.squareRoot())
        assertClose(p, 0.0026997960632601866, tolerance: 1e-12, "P(|z| > 3)")
        let observed = Double(samples.filter { abs($0) > 3 }.count) / Double(n)
        assertStatistic(observed, p, standardError: StatisticalTolerance.binomialError(n: n, p: p), "ziggurat P(|z| > 3)")
        let beyondR = erfc(ZigguratTables.r / 2.0.squareRoot())
        let observedBeyondR = Double(samples.filter { abs($0) > ZigguratTables.r }.count) / Double(n)
        assertStatistic(observedBeyondR, beyondR, standardError: StatisticalTolerance.binomialError(n: n, p: beyondR),
                        "ziggurat P(|z| > r), the tail sampler")
    }

    func testTruncatedNormalRespectsBoundAndHasTheTruncatedStd() {
        let samples = Self.draws(seed: 14) { $0.truncatedNormal() }
        XCTAssertLessThanOrEqual(samples.map(abs).max()!, 2)
        let t = Tensor(samples)
        // Kurtosis of N(0,1) cut to [−2, 2] is 2.3655 (m₄/m₂² with m₂ = 1 − 2aφ(a)/Z, m₄ = 3m₂ − 2a³φ(a)/Z).
        let sigma = truncatedNormalStdAtTwo
        assertStatistic(t.standardDeviation, sigma,
                        standardError: StatisticalTolerance.stdError(n: Self.n, sigma: sigma, kurtosis: 2.3655),
                        "truncated normal std")
        assertStatistic(t.mean, 0, standardError: StatisticalTolerance.meanError(n: Self.n, sigma: sigma), "truncated normal mean")

        let narrow = Self.draws(seed: 15, count: 10_000) { $0.truncatedNormal(bound: 0.5) }
        XCTAssertLessThanOrEqual(narrow.map(abs).max()!, 0.5)
    }

    /// The engine's sampler as the labs use it: a parallel tensor fill (the C kernel's fast path
    /// and the Swift slow path), 2²⁰ draws: mean, variance, the tail frequency P(|z| > 3) and
    /// beyond the ziggurat's r, and the KS distance, every tolerance from n.
    func testTensorFillIsStandardNormal() {
        let n = 1 << 20
        var stream = RandomStream(seed: 16, path: .layer(1))
        let samples = Tensor.randomNormal(shape: [n], using: &stream).scalars
        checkStandardNormal(samples, "randomNormal fill")
        for threshold in [3.0, ZigguratTables.r] {
            let p = erfc(threshold / 2.0.squareRoot())
            let observed = Double(samples.filter { abs($0) > threshold }.count) / Double(n)
            assertStatistic(observed, p, standardError: StatisticalTolerance.binomialError(n: n, p: p),
                            "randomNormal P(|z| > \(threshold))")
        }
    }

    func testTruncatedStdConstantMatchesItsFormula() {
        // √(1 − 2·2φ(2)/(2Φ(2) − 1))
        let phi = exp(-2.0) / (2 * Double.pi).squareRoot()
        let mass = 2 * StatisticalTolerance.normalCDF(2) - 1
        assertClose((1 - 4 * phi / mass).squareRoot(), truncatedNormalStdAtTwo, tolerance: 1e-14, "truncated std at 2")
    }

    func testZigguratLayersHaveEqualArea() {
        let table = ZigguratTables.shared
        let f = { (t: Double) in exp(-0.5 * t * t) }
        let v = ZigguratTables.v, r = ZigguratTables.r
        XCTAssertEqual(table.x[ZigguratTables.layers], 0)
        for i in 1..<ZigguratTables.layers {
            XCTAssertLessThan(table.x[i + 1], table.x[i], "x must decrease")
            // Layer i spans heights f(x[i])…f(x[i+1]) at width x[i].
            assertClose(table.x[i] * (f(table.x[i + 1]) - f(table.x[i])), v, tolerance: 1e-6, "area of layer \(i)")
        }
        // The base: the rectangle r·f(r) plus the tail ∫_r^∞ f = √(π/2)·erfc(r/√2).
        assertClose(r * f(r) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot()), v, tolerance: 1e-10, "base layer area")
    }
}
