import Foundation
import NNEngine
import XCTest

final class ElementwiseLossTests: XCTestCase {
    let scores = randomTensor([5, 3], seed: 90, std: 2)
    let targets = randomTensor([5, 3], seed: 91)

    func check(_ loss: Loss, _ targets: Tensor) -> GradientCheck.Report {
        let analytic = loss(scores, .values(targets)).gradient
        return GradientCheck.check({ loss($0, .values(targets)).value }, at: scores, analytic: analytic)
    }

    func testMeanSquaredErrorIsTheMeanOverAllElements() {
        let result = Loss.meanSquaredError(Tensor(matrix: [[1, 2], [3, 4]]), .values(Tensor(matrix: [[0, 0], [3, 2]])))
        XCTAssertEqual(result.value, (1 + 4 + 0 + 4) / 4.0)
        XCTAssertEqual(result.perExample, [2.5, 2])
        XCTAssertEqual(result.gradient, Tensor(matrix: [[0.5, 1], [0, 1]]))
        assertGradient(check(.meanSquaredError, targets), reaches: .happy, "MSE")
    }

    func testMeanAbsoluteError() {
        let result = Loss.meanAbsoluteError(Tensor(matrix: [[1, -2]]), .values(Tensor(matrix: [[0, 0]])))
        XCTAssertEqual(result.value, 1.5)
        // |s − t| has its kink where s = t; Gaussian scores and targets are never within h of it.
        assertGradient(check(.meanAbsoluteError, targets), reaches: .fineWithKinks, "MAE")
    }

    func testBinaryCrossEntropyWithLogits() {
        let labels = targets.map { $0 > 0 ? 1 : 0 }
        let loss = Loss.binaryCrossEntropyWithLogits
        // Matches −t log σ(z) − (1 − t) log(1 − σ(z)) where that is computable.
        let result = loss(Tensor(matrix: [[2, -1]]), .values(Tensor(matrix: [[1, 0]])))
        let sigmoid = { (z: Double) in 1 / (1 + exp(-z)) }
        XCTAssertEqual(result.value, (-log(sigmoid(2)) - log(1 - sigmoid(-1))) / 2, accuracy: 1e-15)
        // Stable at extreme logits, where the naive form gives log(0).
        let extreme = loss(Tensor(matrix: [[800, -800]]), .values(Tensor(matrix: [[0, 1]])))
        XCTAssertEqual(extreme.value, 800)
        assertGradient(check(loss, labels), reaches: .happy, "BCE with logits")
    }
}
