import NNEngine
import XCTest

final class MaxoutTests: XCTestCase {
    let x = randomTensor([5, 4], seed: 40)
    let layer = Maxout(weight: randomTensor([4, 3 * 2], seed: 41), bias: randomTensor([6], seed: 42), pieceCount: 3)
    let upstream = randomTensor([5, 2], seed: 43)

    func testForwardTakesTheLargestPiece() {
        let z = Affine(weight: layer.pieces.weight, bias: layer.pieces.bias).forward(x).output
        let y = layer.forward(x).output
        XCTAssertEqual(y.shape, [5, 2])
        for n in 0..<5 {
            for m in 0..<2 {
                XCTAssertEqual(y[n, m], max(z[n, m], z[n, 2 + m], z[n, 4 + m]))
            }
        }
    }

    func testGradientsAreAtLeastFineWithKinks() {
        // Random Gaussian pieces almost surely differ by far more than h = 1e-5, so no tie
        // between pieces (the kink of the max) is crossed by a finite-difference step.
        let g = layer.backward(upstream, cache: layer.forward(x).cache)
        let pieces = layer.pieceCount
        assertGradient(GradientCheck.check(output: { self.layer.forward($0).output }, upstream: upstream,
                                           at: x, analytic: g.input), reaches: .fineWithKinks, "maxout ∂x")
        assertGradient(GradientCheck.check(output: { w in
            Maxout(weight: w, bias: self.layer.pieces.bias, pieceCount: pieces).forward(self.x).output
        }, upstream: upstream, at: layer.pieces.weight, analytic: g.weight), reaches: .fineWithKinks, "maxout ∂W")
        assertGradient(GradientCheck.check(output: { b in
            Maxout(weight: self.layer.pieces.weight, bias: b, pieceCount: pieces).forward(self.x).output
        }, upstream: upstream, at: layer.pieces.bias, analytic: g.bias), reaches: .fineWithKinks, "maxout ∂b")
    }
}
