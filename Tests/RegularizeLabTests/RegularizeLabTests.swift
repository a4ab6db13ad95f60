import Foundation
import NNEngine
@testable import RegularizeLab
import XCTest

final class RegularizeLabTests: XCTestCase {
    /// bias² + variance + σ² against the error measured on fresh noisy labels, at every degree
    /// and size: the difference has mean 0 and the standard error derived in `BiasVariance`
    /// (from R draws × K test inputs), so it must stay within 4 of them (a 6e-5 chance per
    /// point of failing by bad luck; the seed is fixed, so the test is deterministic).
    func testDecompositionSumsToTheMeasuredErrorWithinItsSamplingError() throws {
        let b = try BiasVariance.run(degrees: 1...8, samplePoints: 15, sizes: [12, 40], draws: 60, sigma: 0.3,
                                     using: RandomStream(seed: 11))
        XCTAssertEqual(b.byDegree.count, 8)
        for p in b.byDegree + b.bySize {
            let expectedSE = ((4 * 0.09 * (p.biasSquared + p.variance) + 2 * pow(0.3, 4)) / Double(60 * BiasVariance.testCount)).squareRoot()
            XCTAssertEqual(p.standardError, expectedSE, accuracy: 1e-12 * expectedSE)
            XCTAssertLessThan(abs(p.residual), 4 * p.standardError, "degree \(p.degree), n = \(p.trainPoints): residual \(p.residual)")
            XCTAssertEqual(p.residual, p.testError - (p.biasSquared + p.variance + p.noise), accuracy: 1e-12)
        }
        // The lecture's shape: bias falls from degree 1, variance grows with the degree.
        XCTAssertGreaterThan(b.byDegree[0].biasSquared, 10 * b.byDegree[4].biasSquared)
        XCTAssertGreaterThan(b.byDegree[7].variance, b.byDegree[2].variance)
        // More data, less variance at a fixed degree.
        let high = b.bySize.filter { $0.degree == 8 }
        XCTAssertGreaterThan(high[0].variance, high[1].variance)
    }

    func testLegendreBasisAndExactFit() throws {
        for x in [-1.0, -0.3, 0.5, 1] {
            let p = LegendreFit.basis(x, degree: 3)
            XCTAssertEqual(p[2], (3 * x * x - 1) / 2, accuracy: 1e-14)
            XCTAssertEqual(p[3], (5 * x * x * x - 3 * x) / 2, accuracy: 1e-14)
        }
        // A degree-3 polynomial through 20 points is recovered exactly at degree 3 and above.
        let xs = (0..<20).map { -1 + 2 * Double($0) / 19 }
        let truth = [0.5, -1, 2, 0.25]
        let ys = xs.map { LegendreFit.evaluate(truth, at: $0) }
        let c = try LegendreFit.fit(x: xs, y: ys, degree: 5)
        for (k, v) in c.enumerated() { XCTAssertEqual(v, k < 4 ? truth[k] : 0, accuracy: 1e-12) }
    }

    func testQuadraticPenaltyClosedFormsMatchTheNumericalMinima() {
        let q = QuadraticPenalty.compute()
        XCTAssertLessThan(q.maxDiscrepancy, 1e-9)
        // λᵢ/(λᵢ + λ) at λ = λᵢ is one half.
        let atSmall = q.l2Path.min { abs($0.lambda - 0.1) < abs($1.lambda - 0.1) }!
        XCTAssertEqual(atSmall.shrinkage[1], 0.1 / (0.1 + atSmall.lambda), accuracy: 1e-15)
        // L1: w₂ is exactly 0 from λ = |w*₂| H₂₂ = 0.15 on, and not before.
        for p in q.l1Path {
            XCTAssertEqual(p.numerical[1] == 0, p.lambda >= 0.15 - 1e-12, "λ = \(p.lambda): w₂ = \(p.numerical[1])")
        }
    }

    func testEarlyStoppingMatchesItsClosedFormsAndL2AtTheEnds() throws {
        let e = try EarlyStoppingQuadratic.compute(using: RandomStream(seed: 2))
        XCTAssertLessThan(e.maxFormulaError, 1e-9)
        for h in e.horizons {
            // Directions with tελᵢ ≪ 1 are barely learned by both; with tελᵢ ≫ 1 fully by both.
            for (i, lambda) in e.eigenvalues.enumerated() {
                let x = Double(h.steps) * e.learningRate * lambda
                if x < 0.01 || x > 100 { XCTAssertEqual(h.descent[i], h.l2[i], accuracy: 0.02, "t = \(h.steps), λᵢ = \(lambda)") }
            }
            // Between, they differ by at most max over x of (1 − e^(−x)) − x/(1 + x) ≈ 0.23.
            XCTAssertLessThan(h.largestGap, 0.25)
        }
    }

    func testJitterIdentityAndShift() {
        let pixels = (0..<64).map { Double($0 % 17) }
        let identity = DigitJitter.warp(pixels[...], rotation: 0, scale: 1, dx: 0, dy: 0)
        XCTAssertEqual(identity, pixels)
        let shifted = DigitJitter.warp(pixels[...], rotation: 0, scale: 1, dx: 1, dy: 0)
        for y in 0..<8 {
            XCTAssertEqual(shifted[y * 8], 0, "blank comes in from the left")
            for x in 1..<8 { XCTAssertEqual(shifted[y * 8 + x], pixels[y * 8 + x - 1]) }
        }
        var stream = RandomStream(seed: 1)
        let data = Dataset(features: Tensor(shape: [2, 64], scalars: pixels + pixels), labels: [3, 4], classCount: 10)
        let copies = DigitJitter.transformed(data, copies: 3, using: &stream)
        XCTAssertEqual(copies.features.shape, [6, 64])
        XCTAssertEqual(copies.labels, [3, 4, 3, 4, 3, 4])
        XCTAssertEqual(Array(copies.features.scalars.prefix(128)), pixels + pixels, "the originals come first")
    }

    func testValidationNamesTheBadValue() {
        var c = RegularizeConfiguration()
        c.histogramLambda = 0.5
        XCTAssertThrowsError(try c.validate()) { XCTAssert("\($0)".contains("must be one of --lambdas"), "\($0)") }
        c = RegularizeConfiguration()
        c.samplePoints = 10
        XCTAssertThrowsError(try c.validate()) { XCTAssert("\($0)".contains("cannot fit a polynomial of degree 15"), "\($0)") }
        c = RegularizeConfiguration()
        c.batchSize = c.trainCount + 1
        XCTAssertThrowsError(try c.validate()) { XCTAssert("\($0)".contains("larger than the \(c.trainCount) training digits"), "\($0)") }
    }

    /// A training count above what the validation and test splits leave is refused, not
    /// silently cut to the digits there are.
    func testTrainCountAboveTheSplitIsRefused() throws {
        let file = RegularizeConfiguration().digitsFile
        XCTAssertThrowsError(try DigitsData.load(file, trainCount: 1000, using: RandomStream(seed: 0))) {
            XCTAssert("\($0)".contains("--train-count 1000 is more than the"), "\($0)")
        }
        XCTAssertEqual(try DigitsData.load(file, trainCount: 300, using: RandomStream(seed: 0)).split.train.count, 300)
    }
}
