import Foundation
import NNEngine
import XCTest

final class LabelSmoothingTests: XCTestCase {
    func testTargetsFollowTheCookBookAndSumToOne() {
        let q = LabelSmoothing(0.1).targets(labels: [2, 0], classCount: 5)
        XCTAssertEqual(q[0, 2], 0.9, accuracy: 1e-15)
        XCTAssertEqual(q[0, 0], 0.1 / 4, accuracy: 1e-15)
        XCTAssertEqual(q[1, 0], 0.9, accuracy: 1e-15)
        for i in 0..<2 { XCTAssertEqual(q.row(i).sum, 1, accuracy: 1e-15) }
        XCTAssertEqual(LabelSmoothing(0).targets(labels: [1], classCount: 3).scalars, [0, 1, 0])
    }

    /// The smoothed cross-entropy's gradient (p − q)/N against centred differences of its value.
    func testSmoothedCrossEntropyGradientIsWithinTheHappyBand() {
        // Scores whose gradient has no element near 0 (see SoftmaxCrossEntropyTests).
        let scores = randomTensor([6, 5], seed: 71)
        let labels = [0, 4, 2, 2, 1, 3]
        for epsilon in [0.05, 0.1, 0.3] {
            let smoothing = LabelSmoothing(epsilon)
            let analytic = smoothing.loss(scores, labels: labels).gradient
            XCTAssertGreaterThan(analytic.scalars.map(abs).min()!, 1e-4, "no cancelling element")
            let report = GradientCheck.check({ smoothing.loss($0, labels: labels).value }, at: scores, analytic: analytic)
            assertGradient(report, reaches: .happy, "label-smoothed softmax CE, ε = \(epsilon)")
        }
    }

    /// At the correct score leading every other by log((1−ε)(C−1)/ε) the softmax equals q: the
    /// gradient vanishes, the confidence is 1 − ε and the loss is q's entropy, its minimum.
    func testTheMinimumIsAtAFiniteScoreGap() {
        for (epsilon, c) in [(0.1, 10), (0.2, 3), (0.01, 5)] {
            let smoothing = LabelSmoothing(epsilon)
            var row = [Double](repeating: 0, count: c)
            row[1] = smoothing.optimalScoreGap(classCount: c)
            let scores = Tensor(shape: [1, c], scalars: row)
            let result = smoothing.loss(scores, labels: [1])
            XCTAssertLessThan(result.gradient.scalars.map(abs).max()!, 1e-15)
            XCTAssertEqual(Sequential.softmax(scores)[0, 1], smoothing.optimalConfidence, accuracy: 1e-14)
            XCTAssertEqual(result.value, smoothing.minimumLoss(classCount: c), accuracy: 1e-14)
            // A larger gap, more confident than 1 − ε, costs more: the loss no longer rewards it.
            row[1] += 1
            XCTAssertGreaterThan(smoothing.loss(Tensor(shape: [1, c], scalars: row), labels: [1]).value, result.value)
        }
        XCTAssertEqual(LabelSmoothing(0).optimalScoreGap(classCount: 10), .infinity)
    }
}
