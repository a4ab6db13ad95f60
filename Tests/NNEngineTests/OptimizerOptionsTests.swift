import Foundation
import XCTest
@testable import NNEngine

/// Gradient clipping by value and by global norm, and L2 weight decay, through real updates.
final class OptimizerOptionsTests: XCTestCase {
    func testClippingByValueClampsEachComponent() {
        var g = Tensor([7, -9, 3, -5, 5.5])
        GradientClipping.value(threshold: 5).apply(to: &g)
        XCTAssertEqual(g.scalars, [5, -5, 3, -5, 5])
    }

    func testClippingByValueKeepsNaN() {
        var g = Tensor([.nan, 1])
        GradientClipping.value(threshold: 5).apply(to: &g)
        XCTAssertTrue(g.scalars[0].isNaN, "a NaN gradient must stay visible")
    }

    func testClippingByNormRescalesToMaxNorm() {
        var g = Tensor([3, 4])   // ‖g‖ = 5
        GradientClipping.norm(maxNorm: 1).apply(to: &g)
        assertClose(g, [0.6, 0.8], "clipped")
        assertClose(g.norm, 1, "norm")

        var small = Tensor([0.3, 0.4])
        GradientClipping.norm(maxNorm: 1).apply(to: &small)
        XCTAssertEqual(small.scalars, [0.3, 0.4], "a gradient under the max norm is untouched")
    }

    /// The norm is global: two tensors `[3]` and `[4]` have joint norm 5.
    func testClippingByNormIsGlobalAcrossParameters() {
        var sgd = SGD(learningRate: 1, options: OptimizerOptions(clipping: .norm(maxNorm: 2.5)))
        var parameters = [Tensor([0]), Tensor(matrix: [[0]])]
        sgd.step(&parameters, gradients: [Tensor([3]), Tensor(matrix: [[4]])])
        assertClose(parameters[0], [-1.5], "parameter 0")
        assertClose(parameters[1], [-2.0], "parameter 1")
    }

    func testClippingAppliesInsideAnUpdate() {
        var sgd = SGD(learningRate: 0.1, options: OptimizerOptions(clipping: .value(threshold: 5)))
        var x = Tensor([1, 1])
        sgd.step(&x, gradient: Tensor([100, -2]))
        assertClose(x, [1 - 0.5, 1 + 0.2], "x")
    }

    func testWeightDecayAddsLambdaX() {
        let (lr, lambda) = (0.1, 0.01)
        var sgd = SGD(learningRate: lr, options: OptimizerOptions(weightDecay: lambda))
        var x = Tensor([2, -3])
        var ref = [2.0, -3.0]
        let g = [0.5, 0.25]
        for t in 1...3 {
            sgd.step(&x, gradient: Tensor(g))
            for i in ref.indices { ref[i] -= lr * (g[i] + lambda * ref[i]) }
            assertClose(x, ref, "x after step \(t)")
        }
    }

    /// With no data gradient, decay shrinks weights geometrically: `x ← (1 − lr·λ)·x`.
    func testWeightDecayAloneShrinksGeometrically() {
        var sgd = SGD(learningRate: 0.5, options: OptimizerOptions(weightDecay: 0.1))
        var x = Tensor([4])
        for _ in 0..<10 { sgd.step(&x, gradient: Tensor([0])) }
        assertClose(x.scalars[0], 4 * pow(0.95, 10), "x")
    }

    /// Clipping acts on the loss gradient only; the decay term is added afterwards, unclipped.
    func testClipThenDecay() {
        let options = OptimizerOptions(clipping: .value(threshold: 1), weightDecay: 0.5)
        var sgd = SGD(learningRate: 1, options: options)
        var x = Tensor([10])
        sgd.step(&x, gradient: Tensor([3]))
        assertClose(x.scalars[0], 10 - (1 + 0.5 * 10), "x")
    }

    /// Options are validated with the rest of the configuration.
    func testOptionValidation() {
        XCTAssertThrowsError(try OptimizerOptions(clipping: .value(threshold: 0)).validate()) { error in
            XCTAssertEqual((error as? LabError)?.message, "clipping threshold θ must be a finite positive number, got 0.0")
        }
        XCTAssertThrowsError(try OptimizerOptions(weightDecay: -1).validate()) { error in
            XCTAssertEqual((error as? LabError)?.message, "weight decay λ must be a finite number ≥ 0, got -1.0")
        }
        XCTAssertNoThrow(try OptimizerOptions(clipping: .norm(maxNorm: 5), weightDecay: 1e-4).validate())
    }
}
