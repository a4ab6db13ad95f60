import NNEngine
@testable import NNImage
import XCTest

final class PhotometricTransformTests: XCTestCase {
    func testBrightnessOneIsIdentity() {
        let image = TestImages.noise(width: 16, height: 12)
        XCTAssertEqual(image.adjustingBrightness(1), image)
        XCTAssertEqual(ColorJitter.Parameters(brightness: 1, contrast: 1, saturation: 1, hue: 0).apply(to: image), image)
        XCTAssertLessThan(image.adjustingContrast(1).maximumDifference(from: image), 1e-6)
        XCTAssertLessThan(image.adjustingSaturation(1).maximumDifference(from: image), 1e-6)
        XCTAssertLessThan(image.shiftingHue(0).maximumDifference(from: image), 1e-6)
    }

    func testSaturationZeroIsGrey() {
        let image = TestImages.gradient()
        let grey = image.adjustingSaturation(0)
        for i in 0..<grey.planeCount {
            XCTAssertEqual(grey.pixels[i], grey.pixels[grey.planeCount + i], accuracy: 1e-6)
        }
    }

    /// A one-pixel image of colour `rgb` (0-255).
    static func patch(_ rgb: (Double, Double, Double)) -> Image {
        Image(width: 1, height: 1, pixels: [Float(rgb.0 / 255), Float(rgb.1 / 255), Float(rgb.2 / 255)])
    }

    /// Pure colour patches against values worked out by hand from the HSV definition (Smith
    /// 1978; torchvision's `_rgb2hsv`/`_hsv2rgb`), in 0-255 units.
    func testHueShiftMatchesTheHSVDefinitionOnPureColours() {
        // red (200, 30, 30): h = 0, s = 170/200 = 0.85, v = 200. h' = 0.045: i = 0, f = 0.27,
        // so (v, t, p) with t = v(1 − s(1 − f)) = 200·(1 − 0.85·0.73) = 75.9, p = v(1 − s) = 30:
        // red turns toward orange, as torchvision's adjust_hue(+0.045) does.
        let cases: [(name: String, rgb: (Double, Double, Double), turns: Double, expected: (Double, Double, Double))] = [
            ("red +0.045", (200, 30, 30), 0.045, (200, 75.9, 30)),
            // h = 0 → 1/6 is yellow: (v, v, p).
            ("red +1/6", (255, 0, 0), 1.0 / 6, (255, 255, 0)),
            // h = 1/3 (green) − 1/3 = 0: red.
            ("green −1/3", (0, 255, 0), -1.0 / 3, (255, 0, 0)),
            // h = 2/3 (blue) + 1/2 = 1/6: yellow at the blue's value and saturation.
            ("blue +1/2", (0, 0, 128), 0.5, (128, 128, 0)),
            // red −0.045: h = 0.955, i = 5, f = 0.73, (v, p, q) with q = v(1 − s f) = 200·(1 − 0.85·0.73) = 75.9:
            // toward magenta.
            ("red −0.045", (200, 30, 30), -0.045, (200, 30, 75.9)),
            // A grey has no hue.
            ("grey +0.3", (90, 90, 90), 0.3, (90, 90, 90)),
        ]
        for c in cases {
            let shifted = Self.patch(c.rgb).shiftingHue(c.turns)
            let observed = shifted.pixels.map { Double($0) * 255 }
            let expected = [c.expected.0, c.expected.1, c.expected.2]
            let error = zip(observed, expected).map { abs($0 - $1) }.max()!
            print("\(c.name): expected \(expected), observed \(observed), max |error| \(error) (of 255)")
            XCTAssertLessThan(error, 1e-3, c.name)
        }
    }

    /// A positive jitter hue in the pipeline's record turns the red patch toward orange: the
    /// recorded factor agrees with the picture.
    func testRecordedPositiveHueTurnsRedTowardOrange() throws {
        let red = Self.patch((200, 30, 30))
        let parameters = ColorJitter.Parameters(hue: 0.045, order: [.hue])
        let out = parameters.apply(to: red).pixels.map { Double($0) * 255 }
        print("jitter hue +0.045 on (200, 30, 30): observed \(out)")
        XCTAssertGreaterThan(out[1], 70, "green rises: red turns toward yellow")
        XCTAssertLessThan(out[2], 31, "blue stays: not toward magenta")
    }

    func testEigenDecompositionReconstructsTheMatrix() {
        let a: [Double] = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1]
        let eigen = SymmetricEigen3(a)
        XCTAssertTrue(eigen.values[0] >= eigen.values[1] && eigen.values[1] >= eigen.values[2])
        for i in 0..<3 {
            let v = eigen.vectors[i]
            for r in 0..<3 {
                let av = a[r * 3] * v[0] + a[r * 3 + 1] * v[1] + a[r * 3 + 2] * v[2]
                XCTAssertEqual(av, eigen.values[i] * v[r], accuracy: 1e-12, "A v = λ v, component \(r) of vector \(i)")
            }
        }
    }

    func testPCAOffsetLiesAlongTheEigenvectors() throws {
        let image = TestImages.gradient()
        var generator = RandomStream(seed: 11)
        let (out, p) = try PCAColor(standardDeviation: 0.1)(image, using: &generator)
        // The eigenvectors are those of the image's covariance.
        let eigen = SymmetricEigen3(PCAColor.covariance(of: image))
        for i in 0..<3 { for c in 0..<3 { XCTAssertEqual(abs(p.eigenvectors[i][c]), abs(eigen.vectors[i][c]), accuracy: 1e-12) } }
        // Projected on the eigenbasis, the offset's coordinates are exactly αᵢ √λᵢ.
        for i in 0..<3 {
            let projection = zip(p.offset, p.eigenvectors[i]).map(*).reduce(0, +)
            let expected = p.alphas[i] * p.eigenvalues[i].squareRoot()
            print("component \(i): offset · p = \(projection), α√λ = \(expected)")
            XCTAssertEqual(projection, expected, accuracy: 1e-12)
        }
        // And every pixel moved by that offset (the gradient never clips).
        let pixel = 31 * 64 + 17
        for c in 0..<3 {
            XCTAssertEqual(Double(out.pixels[c * image.planeCount + pixel] - image.pixels[c * image.planeCount + pixel]), p.offset[c], accuracy: 1e-6)
        }
    }

    func testMixupWithLambdaOneIsTheFirstImage() {
        let a = TestImages.noise(width: 10, height: 10, seed: 1), b = TestImages.noise(width: 10, height: 10, seed: 2)
        XCTAssertEqual(Mixup.Parameters(lambda: 1).apply(a, b), a)
        XCTAssertEqual(Mixup.Parameters(lambda: 0).apply(a, b), b)
        XCTAssertEqual(Mixup.Parameters(lambda: 0.3).labelWeights, [0.3, 0.7])
    }

    func testCutMixLabelWeightsAreTheKeptArea() throws {
        var generator = RandomStream(seed: 4)
        let a = TestImages.noise(width: 40, height: 30, seed: 1), b = TestImages.noise(width: 40, height: 30, seed: 2)
        for _ in 0..<20 {
            let p = try CutMix(alpha: 1).sample(for: a.size, using: &generator)
            let out = p.apply(a, b)
            var fromA = 0
            for y in 0..<30 { for x in 0..<40 where out[0, x, y] == a[0, x, y] { fromA += 1 } }
            XCTAssertEqual(Double(fromA) / 1200, p.lambda, accuracy: 1e-12)
        }
    }

    func testBetaSamplesHaveTheRightMean() {
        var generator = RandomStream(seed: 9)
        let n = 20000
        let draws = (0..<n).map { _ in generator.beta(2, 5) }
        let mean = draws.reduce(0, +) / Double(n)
        print("Beta(2, 5): mean \(mean), expected \(2.0 / 7)")
        XCTAssertEqual(mean, 2.0 / 7, accuracy: 0.01)
        let small = (0..<n).map { _ in generator.beta(0.2, 0.2) }
        XCTAssertTrue(small.allSatisfy { (0...1).contains($0) })
        XCTAssertEqual(small.reduce(0, +) / Double(n), 0.5, accuracy: 0.02)
    }

    func testBlurPreservesTheMeanAndZeroSigmaIsIdentity() {
        let image = TestImages.noise(width: 30, height: 20)
        XCTAssertEqual(image.blurred(sigma: 0), image)
        let blurred = image.blurred(sigma: 2)
        let variance = { (im: Image) -> Float in
            let m = im.pixels.reduce(0, +) / Float(im.pixels.count)
            return im.pixels.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Float(im.pixels.count)
        }
        XCTAssertLessThan(variance(blurred), variance(image) / 4, "blurring noise lowers its variance")
    }
}
