import NNEngine
import XCTest

final class BatchNormTests: XCTestCase {
    let x = randomTensor([8, 4], seed: 60, mean: 3, std: 2)
    let upstream = randomTensor([8, 4], seed: 61)

    /// A batch norm with γ, β away from their initial 1, 0 so that the checks exercise them.
    var layer: BatchNorm {
        var layer = BatchNorm(features: 4)
        layer.gamma = Tensor([0.5, 1.5, -1, 2])
        layer.beta = Tensor([0.1, -0.2, 0.3, 0])
        return layer
    }

    func column(_ t: Tensor, _ d: Int) -> Tensor { Tensor((0..<t.shape[0]).map { t[$0, d] }) }

    func testTrainingOutputHasZeroMeanAndUnitStdPerFeature() {
        var bn = BatchNorm(features: 4)
        let y = bn.forward(x, mode: .training).output
        for d in 0..<4 {
            let variance = column(x, d).variance
            // With ε inside the root the std is exactly √(σ²/(σ² + ε)), a hair below 1.
            let expectedStd = (variance / (variance + bn.epsilon)).squareRoot()
            print("batch norm feature \(d): mean \(column(y, d).mean), std \(column(y, d).standardDeviation), expected std \(expectedStd)")
            XCTAssertEqual(column(y, d).mean, 0, accuracy: 1e-14)
            XCTAssertEqual(column(y, d).standardDeviation, expectedStd, accuracy: 1e-14)
            XCTAssertEqual(column(y, d).standardDeviation, 1, accuracy: 1e-5)
        }
    }

    func testRunningVarianceUsesTheUnbiasedBatchVariance() {
        var bn = BatchNorm(features: 4, momentum: 0.9)
        _ = bn.forward(x, mode: .training)
        let b = Double(x.shape[0])
        for d in 0..<4 {
            let biased = column(x, d).variance
            XCTAssertEqual(bn.runningVariance.scalars[d], 0.9 * 1 + 0.1 * biased * b / (b - 1), accuracy: 1e-12)
            XCTAssertEqual(bn.runningMean.scalars[d], 0.1 * column(x, d).mean, accuracy: 1e-12)
        }
    }

    func testInferenceUsesTheRunningStatistics() {
        var bn = layer
        bn.runningMean = Tensor([1, 2, 3, 4])
        bn.runningVariance = Tensor([4, 1, 0.25, 9])
        let before = bn
        let y = bn.forward(x, mode: .inference).output
        XCTAssertEqual(bn, before, "inference must not update the running estimates")
        for n in 0..<8 {
            for d in 0..<4 {
                let expected = bn.gamma.scalars[d] * (x[n, d] - bn.runningMean.scalars[d])
                    / (bn.runningVariance.scalars[d] + bn.epsilon).squareRoot() + bn.beta.scalars[d]
                XCTAssertEqual(y[n, d], expected, accuracy: 1e-12)
            }
        }
        // Each example's inference output is independent of the rest of its batch.
        XCTAssertEqual(bn.inference(Tensor(shape: [1, 4], scalars: x.row(3).scalars)).scalars, y.row(3).scalars)
    }

    func testTrainingGradientsAreHappy() {
        // ∂x goes through the batch mean and variance, so every output depends on every input of
        // its feature; the compact formula is checked against that full dependence here.
        let bn = layer
        var copy = bn
        let g = bn.backward(upstream, cache: copy.forward(x, mode: .training).cache)
        func output(_ x: Tensor, _ gamma: Tensor, _ beta: Tensor) -> Tensor {
            var b = bn
            (b.gamma, b.beta) = (gamma, beta)
            return b.forward(x, mode: .training).output
        }
        assertGradient(GradientCheck.check(output: { output($0, bn.gamma, bn.beta) }, upstream: upstream,
                                           at: x, analytic: g.input), reaches: .happy, "batch norm ∂x")
        assertGradient(GradientCheck.check(output: { output(self.x, $0, bn.beta) }, upstream: upstream,
                                           at: bn.gamma, analytic: g.gamma), reaches: .happy, "batch norm ∂γ")
        assertGradient(GradientCheck.check(output: { output(self.x, bn.gamma, $0) }, upstream: upstream,
                                           at: bn.beta, analytic: g.beta), reaches: .happy, "batch norm ∂β")
    }

    func testInferenceGradientIsHappy() {
        var bn = layer
        bn.runningMean = Tensor([3, 3, 3, 3])
        bn.runningVariance = Tensor([4, 2, 1, 3])
        let g = bn.backward(upstream, cache: bn.forward(x, mode: .inference).cache)
        assertGradient(GradientCheck.check(output: { bn.inference($0) }, upstream: upstream, at: x, analytic: g.input),
                       reaches: .happy, "batch norm inference ∂x")
    }
}
