import NNEngine
import XCTest

final class PReLUTests: XCTestCase {
    let x = tensorAwayFromZero([6, 4], seed: 30)
    let upstream = randomTensor([6, 4], seed: 31)

    func testForwardScalesOnlyNegativeInputs() {
        let layer = PReLU(units: 2, initialSlope: 0.25)
        let y = layer.forward(Tensor(matrix: [[-4, 2], [1, -8]])).output
        XCTAssertEqual(y, Tensor(matrix: [[-1, 2], [1, -2]]))
    }

    func testPerUnitAndSharedSlopeGradients() {
        var perUnit = PReLU(units: 4)
        perUnit.slope = Tensor([0.1, 0.2, 0.3, 0.4])
        for (layer, name) in [(perUnit, "per-unit"), (PReLU(sharedSlope: 0.2), "shared")] {
            let g = layer.backward(upstream, cache: layer.forward(x).cache)
            assertGradient(GradientCheck.check(output: { layer.forward($0).output }, upstream: upstream,
                                               at: x, analytic: g.input),
                           reaches: .fineWithKinks, "PReLU \(name) ∂x")
            assertGradient(GradientCheck.check(output: { a in
                var copy = layer
                copy.slope = a
                return copy.forward(self.x).output
            }, upstream: upstream, at: layer.slope, analytic: g.slope), reaches: .fineWithKinks, "PReLU \(name) ∂a")
            XCTAssertEqual(g.slope.shape, layer.slope.shape)
        }
    }
}
