import NNEngine
@testable import NNImage
import XCTest

final class GeometricTransformTests: XCTestCase {
    func testFlipIsExactAndInvolutive() {
        let image = TestImages.ramp(width: 7, height: 5)
        let h = image.flipped(.horizontal), v = image.flipped(.vertical)
        for c in 0..<3 {
            for y in 0..<5 {
                for x in 0..<7 {
                    XCTAssertEqual(h[c, x, y], image[c, 6 - x, y])
                    XCTAssertEqual(v[c, x, y], image[c, x, 4 - y])
                }
            }
        }
        XCTAssertEqual(h.flipped(.horizontal), image, "flipping twice is the identity, bit for bit")
        XCTAssertEqual(v.flipped(.vertical), image)
        XCTAssertNotEqual(h, image)
    }

    func testRandomCropHasTheSizeAndComesFromTheRegion() throws {
        let image = TestImages.ramp(width: 40, height: 30)
        let crop = try RandomCrop(size: ImageSize(width: 12, height: 9))
        var generator = RandomStream(seed: 3)
        var positions = Set<Int>()
        for _ in 0..<50 {
            let (out, p) = try crop(image, using: &generator)
            XCTAssertEqual(out.size, ImageSize(width: 12, height: 9))
            XCTAssertTrue(p.region.fits(in: image.size), "\(p.region)")
            // Every output pixel is the input pixel at the recorded offset.
            for c in 0..<3 { for y in 0..<9 { for x in 0..<12 { XCTAssertEqual(out[c, x, y], image[c, p.region.x + x, p.region.y + y]) } } }
            positions.insert(p.region.y * 100 + p.region.x)
        }
        XCTAssertGreaterThan(positions.count, 30, "positions vary")
    }

    func testCenterCropIsCentred() throws {
        let image = TestImages.ramp(width: 10, height: 8)
        var generator = RandomStream(seed: 0)
        let (out, p) = try CenterCrop(size: ImageSize(side: 4))(image, using: &generator)
        XCTAssertEqual(p.region, PixelRect(x: 3, y: 2, width: 4, height: 4))
        XCTAssertEqual(out[1, 0, 0], image[1, 3, 2])
    }

    func testCropLargerThanImageIsAnError() throws {
        var generator = RandomStream(seed: 0)
        XCTAssertThrowsError(try RandomCrop(size: ImageSize(side: 50))(TestImages.ramp(width: 40, height: 30), using: &generator)) {
            XCTAssertEqual(($0 as? LabError)?.message, "crop 50×50 is larger than the 40×30 image")
        }
    }

    func testRandomResizedCropRespectsScaleAndRatio() throws {
        let transform = try RandomResizedCrop(size: ImageSize(side: 32))
        var generator = RandomStream(seed: 5)
        let input = ImageSize(width: 451, height: 300)
        for _ in 0..<200 {
            let p = try transform.sample(for: input, using: &generator)
            XCTAssertTrue(p.region.fits(in: input))
            let area = Double(p.region.width * p.region.height) / Double(input.width * input.height)
            let ratio = Double(p.region.width) / Double(p.region.height)
            // Rounding w and h to whole pixels moves the area and the ratio by a few percent.
            XCTAssertTrue((0.07...1.01).contains(area), "area fraction \(area)")
            XCTAssertTrue((0.7...1.45).contains(ratio), "ratio \(ratio)")
        }
    }

    func testScaleJitterCropIsInTheResizedImage() throws {
        var generator = RandomStream(seed: 1)
        let transform = try ScaleJitterCrop()
        for _ in 0..<20 {
            let p = try transform.sample(for: ImageSize(width: 451, height: 300), using: &generator)
            XCTAssertTrue((256...480).contains(p.shortSide))
            XCTAssertEqual(p.resized.height, p.shortSide)
            XCTAssertTrue(p.region.fits(in: p.resized))
        }
    }

    func testTenCropsAreCornersCentreAndFlips() throws {
        let crops = try TestTimeCrops.tenCrop(of: ImageSize(width: 10, height: 8), crop: 4)
        XCTAssertEqual(crops.count, 10)
        XCTAssertEqual(crops.map(\.region.x), [0, 6, 0, 6, 3, 0, 6, 0, 6, 3])
        XCTAssertEqual(crops.map(\.region.y), [0, 0, 4, 4, 2, 0, 0, 4, 4, 2])
        XCTAssertEqual(crops.filter(\.flipped).count, 5)
        let image = TestImages.ramp(width: 10, height: 8)
        XCTAssertEqual(crops[5].apply(to: image), crops[0].apply(to: image).flipped(.horizontal))
        XCTAssertEqual(try TestTimeCrops.multiScale(of: ImageSize(width: 451, height: 300)).count, 50)
    }

    func testRotationByZeroIsIdentityAndBy90IsTransposeAndFlip() {
        let image = TestImages.ramp(width: 9, height: 9)
        let zero = AffineWarp.Parameters().apply(to: image)
        XCTAssertLessThan(zero.maximumDifference(from: image), 1e-6)
        // Counter-clockwise on screen by 90°: out(x, y) = in(N − 1 − y, x), a transpose then a vertical flip.
        let rotated = AffineWarp.Parameters(degrees: 90).apply(to: image)
        var expected = image
        for c in 0..<3 { for y in 0..<9 { for x in 0..<9 { expected[c, x, y] = image[c, 8 - y, x] } } }
        let difference = rotated.maximumDifference(from: expected)
        print("rotation 90°: max |rotated − transpose-and-flip| = \(difference)")
        XCTAssertLessThan(difference, 1e-5)
    }

    func testLensWithZeroCoefficientIsIdentity() {
        let image = TestImages.noise(width: 20, height: 14)
        XCTAssertLessThan(LensDistortion.Parameters(k: 0, fill: .edge).apply(to: image).maximumDifference(from: image), 1e-6)
    }

    func testFillModes() {
        XCTAssertEqual((-3...7).map { FillMode.reflect.index($0, 4)! }, [2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0])
        XCTAssertEqual(FillMode.edge.index(-5, 4), 0)
        XCTAssertNil(FillMode.constant(0).index(4, 4))
    }
}
