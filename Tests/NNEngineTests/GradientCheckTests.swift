import Foundation
import NNEngine
import XCTest

final class GradientCheckTests: XCTestCase {
    func testRelativeErrorTreatsZeroOverZeroAsZero() {
        XCTAssertEqual(GradientCheck.relativeError(0, 0), 0)
        XCTAssertEqual(GradientCheck.relativeError(1, 0), 1)
        XCTAssertEqual(GradientCheck.relativeError(2, 1), 0.5, accuracy: 1e-15)
        XCTAssertEqual(GradientCheck.relativeError(-1, 1), 2, accuracy: 1e-15)
    }

    func testAbsoluteToleranceForgivesRoundingNoiseAgainstAnExactZero() {
        // f(x) = x₀ only: ∂f/∂x₁ is exactly 0; an analytic 1e-18 there is rounding noise.
        let x = Tensor([0.5, 0.5])
        let noisy = Tensor([1, 1e-18])
        XCTAssertEqual(GradientCheck.check({ $0.scalars[0] }, at: x, analytic: noisy).band, .wrong)
        assertGradient(GradientCheck.check({ $0.scalars[0] }, at: x, analytic: noisy, absoluteTolerance: 1e-12),
                       reaches: .happy, "x₀ with tolerance")
    }

    func testBandsFollowTheLecture() {
        XCTAssertEqual(GradientCheck.Band(relativeError: 0.5), .wrong)
        XCTAssertEqual(GradientCheck.Band(relativeError: .nan), .wrong)
        XCTAssertEqual(GradientCheck.Band(relativeError: 1e-3), .uncomfortable)
        XCTAssertEqual(GradientCheck.Band(relativeError: 1e-5), .fineWithKinks)
        XCTAssertEqual(GradientCheck.Band(relativeError: 1e-9), .happy)
        XCTAssertEqual(GradientCheck.Band(relativeError: 0), .happy)
        XCTAssertLessThan(GradientCheck.Band.wrong, .happy)
    }

    func testACorrectGradientIsHappyAndAWrongOneIsCaught() {
        // f(x) = Σ sin(xᵢ) xᵢ², ∇f = cos(x) x² + 2 x sin(x).
        let x = randomTensor([5, 4], seed: 1)
        let f: (Tensor) -> Double = { $0.map { sin($0) * $0 * $0 }.sum }
        let right = x.map { cos($0) * $0 * $0 + 2 * $0 * sin($0) }
        assertGradient(GradientCheck.check(f, at: x, analytic: right), reaches: .happy, "x² sin x")

        var wrong = right
        wrong.scalars[7] *= 1.1
        let report = GradientCheck.check(f, at: x, analytic: wrong)
        XCTAssertEqual(report.band, .wrong)
        XCTAssertEqual(report.worstIndex, 7)
        XCTAssertEqual(report.checkedCount, 20)
    }

    func testSampledCheckIsReproducibleAndChecksTheRequestedCount() {
        // Bounded terms keep |f| small: the rounding error of a centered difference is about
        // ε_mach·|f|/h, so a sum of thousands of large terms (Σ x³) would blur small gradient
        // elements past 1e-7 however correct they are.
        let x = randomTensor([50, 40], seed: 2)
        let f: (Tensor) -> Double = { $0.map { sin($0) }.sum }
        let gradient = x.map { cos($0) }
        let a = GradientCheck.check(f, at: x, analytic: gradient, maxElements: 30, seed: 9)
        let b = GradientCheck.check(f, at: x, analytic: gradient, maxElements: 30, seed: 9)
        XCTAssertEqual(a.checkedCount, 30)
        XCTAssertNotEqual(a.worstIndex, GradientCheck.check(f, at: x, analytic: gradient, maxElements: 30, seed: 10).worstIndex,
                          "another seed should sample other elements")
        XCTAssertEqual(a.worstIndex, b.worstIndex)
        XCTAssertEqual(a.maxRelativeError, b.maxRelativeError)
        assertGradient(a, reaches: .happy, "sampled x³")
    }
}
