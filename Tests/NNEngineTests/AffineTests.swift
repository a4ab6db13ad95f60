import NNEngine
import XCTest

final class AffineTests: XCTestCase {
    let x = randomTensor([5, 4], seed: 10)
    let layer = Affine(weight: randomTensor([4, 3], seed: 11), bias: randomTensor([3], seed: 12))
    let upstream = randomTensor([5, 3], seed: 13)

    func testForwardIsXWPlusB() {
        let y = layer.forward(x).output
        XCTAssertEqual(y.shape, [5, 3])
        var expected = 0.0
        for d in 0..<4 { expected += x[2, d] * layer.weight[d, 1] }
        expected += layer.bias.scalars[1]
        XCTAssertEqual(y[2, 1], expected, accuracy: 1e-12)
    }

    func testGradientsAreHappy() {
        let g = layer.backward(upstream, cache: layer.forward(x).cache)
        assertGradient(GradientCheck.check(output: { self.layer.forward($0).output }, upstream: upstream,
                                           at: x, analytic: g.input), reaches: .happy, "affine ∂x")
        assertGradient(GradientCheck.check(output: { w in Affine(weight: w, bias: self.layer.bias).forward(self.x).output },
                                           upstream: upstream, at: layer.weight, analytic: g.weight),
                       reaches: .happy, "affine ∂W")
        assertGradient(GradientCheck.check(output: { b in Affine(weight: self.layer.weight, bias: b).forward(self.x).output },
                                           upstream: upstream, at: layer.bias, analytic: g.bias),
                       reaches: .happy, "affine ∂b")
    }
}
