import Foundation
import XCTest

/// Tolerances for statistical tests, derived from the sample size instead of guessed.
///
/// Each bound is `sigmas` standard errors of the statistic under the null hypothesis. At 5 σ a
/// correct implementation fails with probability ≈ 6e-7 per assertion; since every test uses a
/// fixed seed the outcome is deterministic anyway, and the bound still scales correctly with `n`.
enum StatisticalTolerance {
    /// How many standard errors an estimate may stray.
    static let sigmas = 5.0

    /// The std of the sample mean of `n` draws with std `sigma`: `σ/√n`.
    static func meanError(n: Int, sigma: Double = 1) -> Double {
        sigma / Double(n).squareRoot()
    }

    /// The std of the sample variance of `n` draws with variance `σ²` and kurtosis `κ`:
    /// `σ²·√((κ − 1)/n)` (κ = 3 for a normal gives `σ²√(2/n)`; κ = 1.8 for a uniform).
    static func varianceError(n: Int, variance: Double = 1, kurtosis: Double = 3) -> Double {
        variance * ((kurtosis - 1) / Double(n)).squareRoot()
    }

    /// The std of the sample std, by the delta method on the variance: `σ·√((κ − 1)/(4n))`.
    static func stdError(n: Int, sigma: Double, kurtosis: Double) -> Double {
        sigma * ((kurtosis - 1) / (4 * Double(n))).squareRoot()
    }

    /// The std of an observed frequency of an event of probability `p` in `n` trials: `√(p(1 − p)/n)`.
    static func binomialError(n: Int, p: Double) -> Double {
        (p * (1 - p) / Double(n)).squareRoot()
    }

    /// The asymptotic Kolmogorov–Smirnov critical value at α = 1%: `1.63/√n`.
    ///
    /// Under the null hypothesis `√n·Dₙ` converges to the Kolmogorov distribution, whose 99th
    /// percentile is 1.628 (P(K > 1.628) = 0.01), so `Dₙ > 1.63/√n` rejects at the 1% level.
    static func ksCritical(n: Int) -> Double {
        1.63 / Double(n).squareRoot()
    }

    /// The Kolmogorov–Smirnov statistic `Dₙ = supₓ |Fₙ(x) − F(x)|` of `samples` against `cdf`.
    static func ksStatistic(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            // The empirical CDF jumps from i/n to (i+1)/n at x: check both sides of the jump.
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    /// The standard normal CDF `Φ(x) = ½(1 + erf(x/√2))`.
    static func normalCDF(_ x: Double) -> Double {
        0.5 * (1 + erf(x / 2.0.squareRoot()))
    }
}

/// Fails unless `|observed − expected| ≤ tolerance`, printing expected, observed, the deviation
/// and the deviation in units of `standardError`.
func assertWithin(_ observed: Double, _ expected: Double, tolerance: Double, standardError: Double? = nil,
                  _ what: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    let deviation = abs(observed - expected)
    let sigmas = standardError.map { " (\(deviation / $0) standard errors)" } ?? ""
    let report = "\(what()): expected \(expected), observed \(observed), |difference| \(deviation), "
        + "relative error \(relativeError(observed, expected)), tolerance \(tolerance)\(sigmas)"
    print(report)
    XCTAssert(deviation <= tolerance, report, file: file, line: line)
}

/// `assertWithin` with a tolerance of `StatisticalTolerance.sigmas` standard errors.
func assertStatistic(_ observed: Double, _ expected: Double, standardError: Double,
                     _ what: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    assertWithin(observed, expected, tolerance: StatisticalTolerance.sigmas * standardError,
                 standardError: standardError, what(), file: file, line: line)
}
