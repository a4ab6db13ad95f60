import NNEngine
@testable import NNImage
import XCTest

final class ResamplingTests: XCTestCase {
    func testConstantImageStaysConstant() {
        let image = Image(width: 37, height: 23, red: 0.25, green: 0.5, blue: 0.75)
        for filter in ResamplingFilter.allCases {
            for size in [ImageSize(width: 11, height: 7), ImageSize(width: 80, height: 51), ImageSize(width: 5, height: 40)] {
                let out = image.resized(to: size, filter: filter)
                XCTAssertEqual(out.size, size)
                var worst: Float = 0
                for c in 0..<3 {
                    let expected: Float = [0.25, 0.5, 0.75][c]
                    for y in 0..<size.height { for x in 0..<size.width { worst = max(worst, abs(out[c, x, y] - expected)) } }
                }
                XCTAssertLessThan(worst, 1e-6, "\(filter) to \(size): max deviation \(worst)")
            }
        }
    }

    func testIdentityResizeKeepsPixels() {
        let image = TestImages.noise(width: 13, height: 9)
        for filter in ResamplingFilter.allCases {
            XCTAssertLessThan(image.resized(to: image.size, filter: filter).maximumDifference(from: image), 1e-6, "\(filter)")
        }
    }

    /// A 1-pixel checkerboard downscaled by 3.5 must come out flat grey: its frequency is above the
    /// output's Nyquist limit, so anything else is aliasing.
    func testDownscalingACheckerboardDoesNotAlias() {
        let board = TestImages.checkerboard(width: 210, height: 210, cell: 1)
        for filter in [ResamplingFilter.bilinear, .bicubic] {
            let out = board.resized(to: ImageSize(side: 60), filter: filter)
            let plane = Array(out.pixels[0..<3600])
            let mean = plane.reduce(0, +) / 3600
            let spread = plane.map { abs($0 - mean) }.max()!
            print("\(filter) 210→60 checkerboard: mean \(mean), max |v − mean| \(spread)")
            XCTAssertEqual(mean, 0.5, accuracy: 0.01)
            XCTAssertLessThan(spread, 0.05, "\(filter) aliases into a pattern")
        }
        // Point sampling does alias: the lab's point.
        let nearest = board.resized(to: ImageSize(side: 60), filter: .nearest)
        let spread = nearest.pixels[0..<3600].map { abs($0 - 0.5) }.max()!
        XCTAssertEqual(spread, 0.5, "nearest shows the aliased pattern")
    }

    func testRegionResizeEqualsCropThenResizeWhenUpscaling() {
        let image = TestImages.noise(width: 30, height: 20)
        let region = PixelRect(x: 5, y: 4, width: 10, height: 10)
        let direct = image.resized(region: region, to: ImageSize(side: 10), filter: .bicubic)
        XCTAssertLessThan(direct.maximumDifference(from: image.cropped(to: region)), 1e-6)
    }

    func testPNGRoundTrip() throws {
        let image = TestImages.noise(width: 8, height: 6)
        let back = Image(image.pngImage())
        XCTAssertLessThanOrEqual(back.maximumDifference(from: image), 0.5 / 255 + 1e-6)
    }
}
