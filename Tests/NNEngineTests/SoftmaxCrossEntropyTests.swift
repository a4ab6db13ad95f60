import Foundation
import NNEngine
import XCTest

final class SoftmaxCrossEntropyTests: XCTestCase {
    /// Scores whose gradients have no element near zero under either loss: a centered difference
    /// has an absolute error of about 1e-11, so its relative error stays in the happy band (1e-7)
    /// only for elements above 1e-4; an element p − q that cancels by chance (4e-5 for seed 70's
    /// draw under label smoothing) would measure the cancellation, not the gradient.
    /// `testScoresHaveNoCancellingGradient` checks the condition.
    let scores = randomTensor([6, 5], seed: 71)
    let labels = [0, 4, 2, 2, 1, 3]

    func testAllZeroScoresGiveLogC() {
        // The lectures' initial-loss sanity check: uniform predictions cost exactly log C.
        for c in [2, 3, 10, 1000] {
            let result = Loss.softmaxCrossEntropy()(Tensor(zeros: [4, c]), .classes([0, 1, 1, 0]))
            print("softmax CE of zero scores, C = \(c): expected \(log(Double(c))), observed \(result.value)")
            XCTAssertEqual(result.value, log(Double(c)), accuracy: 4 * log(Double(c)).ulp)
        }
    }

    func testLargeScoresDoNotOverflow() {
        let result = Loss.softmaxCrossEntropy()(Tensor(matrix: [[1000, 0, -1000]]), .classes([1]))
        XCTAssertEqual(result.value, 1000, accuracy: 1e-9)
        XCTAssertTrue(result.gradient.scalars.allSatisfy(\.isFinite))
    }

    func testLabelSmoothingMatchesItsTargetDistribution() {
        let epsilon = 0.1
        let result = Loss.softmaxCrossEntropy(labelSmoothing: epsilon)(Tensor(zeros: [1, 5]), .classes([2]))
        // Uniform p = 1/5: L = −Σ q log(1/5) = log 5 for any q summing to 1.
        XCTAssertEqual(result.value, log(5.0), accuracy: 1e-15)
        XCTAssertEqual(result.gradient[0, 2], 0.2 - 0.9, accuracy: 1e-15)
        XCTAssertEqual(result.gradient[0, 0], 0.2 - epsilon / 4, accuracy: 1e-15)
    }

    func testScoresHaveNoCancellingGradient() {
        for loss in [Loss.softmaxCrossEntropy(), .softmaxCrossEntropy(labelSmoothing: 0.1)] {
            let smallest = loss(scores, .classes(labels)).gradient.scalars.map(abs).min()!
            print("\(loss): smallest |dL/ds| \(smallest), must exceed 1e-4")
            XCTAssertGreaterThan(smallest, 1e-4, "\(loss)")
        }
    }

    func testGradientIsHappyWithAndWithoutSmoothing() {
        for loss in [Loss.softmaxCrossEntropy(), .softmaxCrossEntropy(labelSmoothing: 0.1)] {
            let analytic = loss(scores, .classes(labels)).gradient
            assertGradient(GradientCheck.check({ loss($0, .classes(self.labels)).value }, at: scores, analytic: analytic),
                           reaches: .happy, "\(loss)")
        }
    }
}
