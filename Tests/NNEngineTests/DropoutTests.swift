import NNEngine
import XCTest

final class DropoutTests: XCTestCase {
    let x = Tensor(matrix: [[1.5, -2, 0.25, 4, -0.5, 3]])

    /// `masks` copies of `x` stacked into a batch [masks, D], so one forward draws `masks` masks.
    func stacked(_ masks: Int) -> Tensor {
        Tensor(shape: [masks, x.count], scalars: Array((0..<masks).map { _ in x.scalars }.joined()))
    }

    func testInvertedDropoutKeepsTheExpectedOutput() {
        let p = 0.3, masks = 20_000
        var generator = RandomStream(seed: 50)
        let y = Dropout(keepProbability: p).forward(stacked(masks), mode: .training, using: &generator).output
        let means = y.columnSums * (1 / Double(masks))
        for d in 0..<x.count {
            // Each draw is x·m/p with m ~ Bernoulli(p): variance x²(1 − p)/p, so the mean of
            // `masks` draws has standard error |x|·√((1 − p)/(p · masks)).
            let standardError = abs(x.scalars[d]) * ((1 - p) / (p * Double(masks))).squareRoot()
            let deviation = abs(means.scalars[d] - x.scalars[d])
            print("inverted dropout unit \(d): expected \(x.scalars[d]), observed \(means.scalars[d]), "
                  + "\(deviation / standardError) standard errors")
            XCTAssertLessThanOrEqual(deviation, 5 * standardError)
        }
    }

    func testInvertedDropoutIsTheIdentityAtInference() {
        var generator = RandomStream(seed: 51)
        let layer = Dropout(keepProbability: 0.5)
        XCTAssertEqual(layer.forward(x, mode: .inference, using: &generator).output, x)
        XCTAssertEqual(layer.inference(x), x)
    }

    func testVanillaDropoutScalesByPAtInferenceAndOnlyMasksAtTraining() {
        let layer = Dropout(keepProbability: 0.8, variant: .vanilla)
        var generator = RandomStream(seed: 52)
        XCTAssertEqual(layer.forward(x, mode: .inference, using: &generator).output, 0.8 * x)
        XCTAssertEqual(layer.inference(x), 0.8 * x)
        let y = layer.forward(x, mode: .training, using: &generator).output
        for (out, input) in zip(y.scalars, x.scalars) { XCTAssertTrue(out == input || out == 0) }
    }

    func testMasksAreReproducibleFromTheSeed() {
        let layer = Dropout(keepProbability: 0.5)
        var a = RandomStream(seed: 53), b = RandomStream(seed: 53), c = RandomStream(seed: 54)
        let maskA = layer.mask(shape: [8, 16], using: &a)
        XCTAssertEqual(maskA, layer.mask(shape: [8, 16], using: &b))
        XCTAssertNotEqual(maskA, layer.mask(shape: [8, 16], using: &c))
        XCTAssertTrue(maskA.scalars.allSatisfy { $0 == 0 || $0 == 1 })
    }

    func testBackwardUsesTheForwardMask() {
        let input = randomTensor([4, 6], seed: 55), upstream = randomTensor([4, 6], seed: 56)
        for variant in [Dropout.Variant.inverted, .vanilla] {
            let layer = Dropout(keepProbability: 0.6, variant: variant)
            var generator = RandomStream(seed: 57)
            let analytic = layer.backward(upstream, cache: layer.forward(input, mode: .training, using: &generator).cache).input
            // The same seed for every evaluation fixes the mask, making the layer linear in x.
            assertGradient(GradientCheck.check(output: { x in
                var g = RandomStream(seed: 57)
                return layer.forward(x, mode: .training, using: &g).output
            }, upstream: upstream, at: input, analytic: analytic), reaches: .happy, "dropout \(variant) ∂x")
        }
    }
}
