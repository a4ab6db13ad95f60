import NNEngine
import XCTest

final class RegularizerTests: XCTestCase {
    let w = tensorAwayFromZero([4, 3], seed: 100)

    func testValuesFollowTheHalfLambdaConvention() {
        let v = Tensor([3, -4])
        XCTAssertEqual(Regularizer.l2(0.1).value(v), 0.5 * 0.1 * 25, accuracy: 1e-15)
        XCTAssertEqual(Regularizer.l1(0.1).value(v), 0.7, accuracy: 1e-15)
        XCTAssertEqual(Regularizer.elasticNet(l1: 0.1, l2: 0.1).value(v), 0.7 + 1.25, accuracy: 1e-15)
        XCTAssertEqual(Regularizer.l2(0.1).gradient(v), 0.1 * v)
        XCTAssertEqual(Regularizer.l2(1).value([v, v]), 25)
    }

    func testGradients() {
        // L1's kink is at w = 0; the weights are at least 0.1 away from it.
        let cases: [(Regularizer, GradientCheck.Band)] = [
            (.l2(0.3), .happy), (.l1(0.3), .fineWithKinks), (.elasticNet(l1: 0.2, l2: 0.3), .fineWithKinks),
        ]
        for (regularizer, band) in cases {
            assertGradient(GradientCheck.check({ regularizer.value($0) }, at: w, analytic: regularizer.gradient(w)),
                           reaches: band, "\(regularizer)")
        }
    }

    func testMaxNormClipsEachUnitsIncomingWeights() {
        // Columns are units: norms 5, 1 and 13.
        let weight = Tensor(matrix: [[3, 1, 5], [4, 0, 12]])
        let clipped = MaxNorm(limit: 3).apply(to: weight)
        let norms = clipped.columnNorms.scalars
        XCTAssertEqual(norms[0], 3, accuracy: 1e-15)
        XCTAssertEqual(norms[1], 1, accuracy: 1e-15)
        XCTAssertEqual(norms[2], 3, accuracy: 1e-15)
        XCTAssertEqual(clipped[0, 0] / clipped[1, 0], 0.75, accuracy: 1e-15, "direction kept")
        XCTAssertEqual(clipped[0, 1], 1)
    }
}
