import NNEngine
import XCTest

final class ActivationLayerTests: XCTestCase {
    /// Inputs at least 0.1 from 0, so no kink is inside a finite-difference step.
    let z = tensorAwayFromZero([6, 5], seed: 20)
    let upstream = randomTensor([6, 5], seed: 21)

    func check(_ f: Activation) -> GradientCheck.Report {
        let layer = ActivationLayer(f)
        let analytic = layer.backward(upstream, cache: layer.forward(z).cache).input
        return GradientCheck.check(output: { layer.forward($0).output }, upstream: upstream, at: z, analytic: analytic)
    }

    func testSmoothActivationsAreHappy() {
        for f in [Activation.tanh, .sigmoid, .softplus, .gelu] {
            assertGradient(check(f), reaches: .happy, "\(f)")
        }
    }

    func testPiecewiseActivationsAwayFromTheKinkAreFine() {
        // Piecewise-linear or piecewise-smooth: at least fine-with-kinks; away from 0 they are in
        // fact as accurate as the smooth ones.
        for f in [Activation.relu, .leakyReLU(slope: 0.01), .elu(alpha: 1), .selu] {
            assertGradient(check(f), reaches: .fineWithKinks, "\(f)")
        }
    }

    func testForwardAppliesTheActivation() {
        let layer = ActivationLayer(.relu)
        XCTAssertEqual(layer.forward(Tensor([-2, 0, 3])).output, Tensor([0, 0, 3]))
    }
}
