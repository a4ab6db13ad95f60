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
        XCTAssertLessThan(image.rotatingHue(0).maximumDifference(from: image), 1e-5)
    }

    func testSaturationZeroIsGreyAndHueKeepsLuma() {
        let image = TestImages.gradient()
        let grey = image.adjustingSaturation(0)
        for i in 0..<grey.planeCount {
            XCTAssertEqual(grey.pixels[i], grey.pixels[grey.planeCount + i], accuracy: 1e-6)
        }
        // Hue rotation by a small angle keeps luma where nothing clips.
        let turned = image.rotatingHue(0.05)
        for i in stride(from: 0, to: image.planeCount, by: 97) {
            func luma(_ im: Image) -> Float { 0.299 * im.pixels[i] + 0.587 * im.pixels[im.planeCount + i] + 0.114 * im.pixels[2 * im.planeCount + i] }
            XCTAssertEqual(luma(turned), luma(image), accuracy: 2e-3)
        }
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
