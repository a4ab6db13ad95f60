import Foundation
import NNEngine

/// Figure 3: the bias–variance decomposition of polynomial regression (the cook book, 003
/// deck), measured over many independent training sets.
///
/// Truth `f(x) = sin(πx)`, training inputs stratified on [−1, 1] (one uniform point per slice
/// of width 2/n), test inputs x ~ U[−1, 1]; observations `y = f(x) + N(0, σ²)`. For each of R
/// draws a fresh training set of n points is fitted at every degree; on K fixed test inputs xₖ
/// (drawn once), with `f̄ₖ = (1/R) Σᵣ f̂ᵣ(xₖ)`:
/// `bias² = (1/K) Σₖ (f̄ₖ − f(xₖ))²`, `variance = (1/RK) Σᵣₖ (f̂ᵣ(xₖ) − f̄ₖ)²`,
/// and the test error is measured against fresh noisy labels, `(1/RK) Σᵣₖ (yᵣₖ − f̂ᵣ(xₖ))²`.
///
/// With the population variance (1/R) the identity `(1/R) Σᵣ (f − f̂ᵣ)² = bias² + variance`
/// holds exactly, so `error − (bias² + variance + σ²) = 2σ·mean(ε·e) + σ²(mean(ε²) − 1)` with
/// ε the test labels' standard normal noise and e = f − f̂: zero mean, and standard error
/// `√((4σ²·mean(e²) + 2σ⁴)/(RK))` since ε is independent of e. That is the sampling error the
/// decomposition is checked against.
public struct BiasVariance: Codable, Equatable, Sendable {
    /// One model (degree d, n training points) over every draw.
    public struct Point: Codable, Equatable, Sendable {
        public var degree: Int
        public var trainPoints: Int
        public var biasSquared: Double
        public var variance: Double
        public var noise: Double
        /// The measured mean squared error on fresh noisy test labels.
        public var testError: Double
        /// The mean training error.
        public var trainError: Double
        /// `testError − (bias² + variance + σ²)`, and its standard error.
        public var residual: Double
        public var standardError: Double
    }

    public var sigma: Double
    public var draws: Int
    public var testInputs: Int
    /// Figure 3a: every degree at `samplePoints` points.
    public var byDegree: [Point]
    /// Figure 3b: the chosen degrees at every training-set size.
    public var bySize: [Point]
    /// The degree with the least measured test error in 3a.
    public var bestDegree: Int
    /// The degrees of panel 3b.
    public var sizeDegrees: [Int]

    static func truth(_ x: Double) -> Double { sin(.pi * x) }

    /// Test inputs: enough that the average over x is a smooth estimate.
    static let testCount = 200

    /// Figure 3 for `degrees` at `samplePoints` points, then degrees 3 and the highest at every size of `sizes`.
    /// - Throws: `LabError` if a least-squares fit fails.
    public static func run(degrees: ClosedRange<Int>, samplePoints: Int, sizes: [Int], draws: Int, sigma: Double,
                    using stream: RandomStream) throws -> BiasVariance {
        var testStream = stream.stream(.input)
        let testX = (0..<testCount).map { _ in 2 * DigitJitter.uniform(&testStream) - 1 }
        let byDegree = try measure(degrees: Array(degrees), points: samplePoints, testX: testX, draws: draws, sigma: sigma,
                                   stream: stream.stream(StreamKey("size", index: samplePoints)))
        let best = byDegree.min { $0.testError < $1.testError }!.degree
        // 3b: the best degree against an over-flexible one, so that the variance falling with n shows.
        let sizeDegrees = Array(Set([Swift.min(3, degrees.upperBound), degrees.upperBound])).sorted()
        var bySize: [Point] = []
        for n in sizes {
            bySize += try measure(degrees: sizeDegrees, points: n, testX: testX, draws: draws, sigma: sigma,
                                  stream: stream.stream(StreamKey("size", index: n)))
        }
        return BiasVariance(sigma: sigma, draws: draws, testInputs: testCount, byDegree: byDegree, bySize: bySize,
                            bestDegree: best, sizeDegrees: sizeDegrees)
    }

    /// Every degree of `degrees` on the same R training sets of `points` points (draw r from
    /// stream `sample r` of `stream`).
    static func measure(degrees: [Int], points n: Int, testX: [Double], draws: Int, sigma: Double,
                        stream: RandomStream) throws -> [Point] {
        let k = testX.count
        let f = testX.map(truth)
        // predictions[d][r * k + j]
        var predictions = [[Double]](repeating: [Double](repeating: 0, count: draws * k), count: degrees.count)
        var trainErrors = [Double](repeating: 0, count: degrees.count)
        var testNoise = [Double](repeating: 0, count: draws * k)
        for r in 0..<draws {
            var draw = stream.stream(.sample(r))
            // One point in each of n equal slices of [−1, 1], at a uniform place within it: still
            // uniform on average, but no draw leaves a gap for a high-degree fit to swing across
            // (with i.i.d. points, degree 15 on 30 points reached variances of 1e7).
            let x = (0..<n).map { i in -1 + 2 * (Double(i) + DigitJitter.uniform(&draw)) / Double(n) }
            let y = x.map { truth($0) + sigma * draw.normal() }
            for j in 0..<k { testNoise[r * k + j] = draw.normal() }
            for (di, d) in degrees.enumerated() {
                let c = try LegendreFit.fit(x: x, y: y, degree: d)
                for j in 0..<k { predictions[di][r * k + j] = LegendreFit.evaluate(c, at: testX[j]) }
                trainErrors[di] += zip(x, y).reduce(0) { $0 + pow(LegendreFit.evaluate(c, at: $1.0) - $1.1, 2) } / Double(n)
            }
        }
        let m = Double(draws * k)
        return degrees.enumerated().map { di, d in
            let p = predictions[di]
            var mean = [Double](repeating: 0, count: k)
            for r in 0..<draws { for j in 0..<k { mean[j] += p[r * k + j] / Double(draws) } }
            var bias2 = 0.0, variance = 0.0, error = 0.0, squaredError = 0.0
            for j in 0..<k { bias2 += pow(mean[j] - f[j], 2) / Double(k) }
            for r in 0..<draws {
                for j in 0..<k {
                    let i = r * k + j
                    variance += pow(p[i] - mean[j], 2) / m
                    squaredError += pow(f[j] - p[i], 2) / m
                    error += pow(f[j] + sigma * testNoise[i] - p[i], 2) / m
                }
            }
            let standardError = ((4 * sigma * sigma * squaredError + 2 * pow(sigma, 4)) / m).squareRoot()
            return Point(degree: d, trainPoints: n, biasSquared: bias2, variance: variance, noise: sigma * sigma, testError: error,
                         trainError: trainErrors[di] / Double(draws), residual: error - (bias2 + variance + sigma * sigma),
                         standardError: standardError)
        }
    }
}
