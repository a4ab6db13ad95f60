import NNEngine
import XCTest

final class MulticlassHingeTests: XCTestCase {
    /// The cook book's example (003 deck): classes cat, car, frog in rows, three examples in
    /// columns whose correct classes are cat, car and frog. Here one example per row.
    let scores = Tensor(matrix: [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])
    let labels = [0, 1, 2]

    func assertLosses(margin: Double, expected: [Double]) {
        let result = Loss.multiclassHinge(margin: margin)(scores, .classes(labels))
        print("hinge Δ = \(margin): expected \(expected), observed \(result.perExample)")
        // Exact up to the rounding of the decimal scores (5.1 − 3.2 is 1.8999999999999995):
        // within a few ulps of the deck's numbers.
        for (observed, wanted) in zip(result.perExample, expected) {
            XCTAssertEqual(observed, wanted, accuracy: 4 * Swift.max(wanted, 1).ulp)
        }
        XCTAssertEqual(result.value, expected.reduce(0, +) / 3, accuracy: 1e-12)
    }

    func testTheCookBookExampleWithZeroMargin() {
        // The deck's table reads 1.9, 0.0, 10.9: its Δ is 0.
        assertLosses(margin: 0, expected: [1.9, 0, 10.9])
    }

    func testTheCS231nExampleWithUnitMargin() {
        assertLosses(margin: 1, expected: [2.9, 0, 12.9])
    }

    func testGradientIsAtLeastFineWithKinks() {
        // Random scores put every margin far (≫ h) from the kink at 0.
        let scores = randomTensor([6, 4], seed: 80, std: 2)
        let labels = [0, 1, 2, 3, 1, 0]
        let loss = Loss.multiclassHinge()
        let analytic = loss(scores, .classes(labels)).gradient
        assertGradient(GradientCheck.check({ loss($0, .classes(labels)).value }, at: scores, analytic: analytic),
                       reaches: .fineWithKinks, "hinge")
        XCTAssertTrue(analytic.scalars.contains { $0 != 0 }, "the example should have violated margins")
    }
}
