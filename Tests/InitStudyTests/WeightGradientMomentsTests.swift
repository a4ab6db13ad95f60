import Foundation
import NNEngine
import XCTest
@testable import InitStudy

/// The Gram-matrix shortcut for the mean and std of `dW = Hᵀ D` against forming `dW`.
final class WeightGradientMomentsTests: XCTestCase {
    func check(h: Tensor, d: Tensor, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let dW = Tensor.matmul(h, d, transposeA: true)
        let moments = WeightGradientMoments(input: h, localGradient: d)
        // The mean is compared relative to the std: a mean near zero is all cancellation, and
        // its absolute accuracy is what the histogram range needs.
        let meanError = abs(moments.mean - dW.mean) / max(abs(dW.mean), dW.standardDeviation)
        let stdError = relativeError(moments.standardDeviation, dW.standardDeviation)
        print("\(what): mean expected \(dW.mean), observed \(moments.mean), relative error \(meanError); "
            + "std expected \(dW.standardDeviation), observed \(moments.standardDeviation), relative error \(stdError)")
        XCTAssertLessThan(meanError, 1e-9, "\(what) mean", file: file, line: line)
        XCTAssertLessThan(stdError, 1e-9, "\(what) std", file: file, line: line)
    }

    func relativeError(_ a: Double, _ b: Double) -> Double {
        let scale = max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }

    func testMatchesDirectProductForZeroMeanFactors() {
        var generator = RandomStream(seed: 21)
        let h = Tensor.randomNormal(shape: [16, 256], using: &generator)
        let d = Tensor.randomNormal(shape: [16, 256], std: 1e-3, using: &generator)
        check(h: h, d: d, "zero-mean")
    }

    func testMatchesDirectProductForShiftedFactors() {
        // ReLU activations are positive and the gradient has an offset: the mean is far from 0.
        var generator = RandomStream(seed: 22)
        let h = Activation.relu(Tensor.randomNormal(shape: [16, 300], using: &generator))
        let d = Tensor.randomNormal(shape: [16, 200], mean: 0.5, std: 1, using: &generator)
        check(h: h, d: d, "shifted, non-square")
    }

    func testConstantFactorsGiveZeroSpreadNotNaN() {
        let h = Tensor(repeating: 0.3, shape: [4, 64]), d = Tensor(repeating: -0.7, shape: [4, 64])
        let moments = WeightGradientMoments(input: h, localGradient: d)
        let dW = Tensor.matmul(h, d, transposeA: true)
        XCTAssertEqual(moments.mean, dW.mean, accuracy: 1e-13 * abs(dW.mean))
        XCTAssertFalse(moments.standardDeviation.isNaN)
        XCTAssertLessThan(moments.standardDeviation, 1e-6 * abs(moments.mean), "all entries equal")
    }
}
