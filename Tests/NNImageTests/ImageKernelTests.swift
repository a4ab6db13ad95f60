import CKernels
import NNEngine
@testable import NNImage
import XCTest

/// Each C kernel (`Sources/CKernels/ImageKernels.c`) against the Swift loop it replaced
/// (`ScalarReference`), bit for bit, at every instruction-set level this CPU has (SSE2, AVX2,
/// AVX-512), over sizes that put every lane of a 16-row block and every tail length to work.
final class ImageKernelTests: XCTestCase {
    /// The levels to check: 0 (SSE2) up to the CPU's best.
    private var levels: [Int] { Array(0...ImageKernels.use(level: nil)) }

    override func tearDown() {
        ImageKernels.use(level: nil)
    }

    /// Values in [−0.1, 1.1] with exact zeros and ones, so the clamps and ±0 are exercised.
    private func image(width: Int, height: Int, seed: UInt64) -> Image {
        var generator = RandomStream(seed: seed)
        return Image(width: width, height: height, pixels: (0..<(3 * width * height)).map { _ in
            let u = generator.uniform()
            return u < 0.05 ? 0 : u > 0.95 ? 1 : Float(u * 1.2 - 0.1)
        })
    }

    private func assertBitwiseEqual(_ a: Image, _ b: Image, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        guard a.size == b.size else { return XCTFail("\(message): sizes \(a.size) and \(b.size)", file: file, line: line) }
        let differ = a.pixels.indices.first { a.pixels[$0].bitPattern != b.pixels[$0].bitPattern }
        XCTAssertNil(differ, "\(message): first differing value at \(differ ?? -1)", file: file, line: line)
    }

    func testResamplingEqualsScalarOnEveryLaneAndTail() {
        for level in levels {
            ImageKernels.use(level: level)
            // Input heights 1…35 give blocks of 1…16 rows and two full blocks plus tails; widths
            // and output widths cover the 4-column transposes' tails.
            for height in [1, 2, 5, 15, 16, 17, 31, 33, 35] {
                for (width, outWidth) in [(1, 1), (3, 7), (9, 4), (13, 6), (22, 9), (40, 17)] {
                    let input = image(width: width, height: height, seed: UInt64(height * 100 + width))
                    for filter in ResamplingFilter.allCases {
                        for outHeight in [1, max(1, height / 3), height + 2] {
                            let size = ImageSize(width: outWidth, height: outHeight)
                            let region = PixelRect(x: width / 4, y: height / 5, width: width - width / 4, height: height - height / 5)
                            assertBitwiseEqual(input.resized(region: region, to: size, filter: filter),
                                               ScalarReference.resized(input, region: region, to: size, filter: filter),
                                               "level \(level) \(filter) \(width)×\(height) → \(size)")
                        }
                    }
                }
            }
        }
    }

    func testVerticalPassWideRowsEqualScalar() {
        // Rows of 64-column blocks plus every tail 0…9, upscaled and downscaled.
        for level in levels {
            ImageKernels.use(level: level)
            for width in [64, 65, 70, 73, 128, 137] {
                let input = image(width: width, height: 12, seed: UInt64(width))
                for outHeight in [5, 29] {
                    let size = ImageSize(width: width, height: outHeight)
                    let region = PixelRect(x: 0, y: 0, width: width, height: 12)
                    assertBitwiseEqual(input.resized(region: region, to: size, filter: .bicubic),
                                       ScalarReference.resized(input, region: region, to: size, filter: .bicubic),
                                       "level \(level) width \(width) → \(outHeight) rows")
                }
            }
        }
    }

    func testColourAdjustmentsEqualScalarForEveryTail() {
        for level in levels {
            ImageKernels.use(level: level)
            // 3·w·h values: every length mod 64 within a few sizes.
            for width in 1...23 {
                let input = image(width: width, height: 3, seed: UInt64(width + 7))
                for factor: Float in [0, 0.6, 1.4] {
                    assertBitwiseEqual(input.adjustingBrightness(factor), ScalarReference.brightness(input, factor), "brightness level \(level) w \(width)")
                    assertBitwiseEqual(input.adjustingContrast(factor), ScalarReference.contrast(input, factor), "contrast level \(level) w \(width)")
                    assertBitwiseEqual(input.adjustingSaturation(factor), ScalarReference.saturation(input, factor), "saturation level \(level) w \(width)")
                    // The in-place forms, which the jitter uses after its first step.
                    var inPlace = input
                    inPlace.adjustBrightness(factor)
                    assertBitwiseEqual(inPlace, ScalarReference.brightness(input, factor), "in-place brightness level \(level) w \(width)")
                    inPlace = input
                    inPlace.adjustContrast(factor)
                    assertBitwiseEqual(inPlace, ScalarReference.contrast(input, factor), "in-place contrast level \(level) w \(width)")
                    inPlace = input
                    inPlace.adjustSaturation(factor)
                    assertBitwiseEqual(inPlace, ScalarReference.saturation(input, factor), "in-place saturation level \(level) w \(width)")
                }
                // A whole jitter in each order equals the steps one after another.
                let jitter = ColorJitter.Parameters(brightness: 1.3, contrast: 0.7, saturation: 1.2, hue: 0.05,
                                                    order: [.saturation, .hue, .brightness, .contrast])
                let stepwise = ScalarReference.contrast(ScalarReference.brightness(
                    ScalarReference.saturation(input, 1.2).shiftingHue(0.05), 1.3), 0.7)
                assertBitwiseEqual(jitter.apply(to: input), stepwise, "jitter level \(level) w \(width)")
                XCTAssertEqual(input, image(width: width, height: 3, seed: UInt64(width + 7)), "the jitter left its input alone")
            }
        }
    }

    func testFlipsAndByteConversionEqualScalarForEveryTail() {
        for level in levels {
            ImageKernels.use(level: level)
            for width in 1...70 {
                let input = image(width: width, height: 2, seed: UInt64(width + 99))
                assertBitwiseEqual(input.flipped(.horizontal), ScalarReference.flipped(input, .horizontal), "hflip level \(level) w \(width)")
                assertBitwiseEqual(input.flipped(.vertical), ScalarReference.flipped(input, .vertical), "vflip level \(level) w \(width)")
                XCTAssertEqual(input.pngImage().pixels, ScalarReference.bytes(input), "bytes level \(level) w \(width)")
            }
        }
    }

    func testPNGFilterEqualsTheSpecificationsAverage() {
        for level in levels {
            ImageKernels.use(level: level)
            for (rowBytes, bytesPerPixel) in [(3, 3), (4, 4), (30, 3), (67 * 3, 3), (65 * 4, 4)] {
                var generator = RandomStream(seed: UInt64(rowBytes))
                let rows = 3
                let pixels = (0..<(rows * rowBytes)).map { _ in UInt8(generator.integer(below: 256)) }
                var filtered = [UInt8](repeating: 0, count: rows * (rowBytes + 1))
                nnlab_png_filter_average(pixels, rowBytes, rows, bytesPerPixel, &filtered)
                for y in 0..<rows {
                    XCTAssertEqual(filtered[y * (rowBytes + 1)], 3)
                    for i in 0..<rowBytes {
                        let left = i >= bytesPerPixel ? Int(pixels[y * rowBytes + i - bytesPerPixel]) : 0
                        let up = y > 0 ? Int(pixels[(y - 1) * rowBytes + i]) : 0
                        let expected = UInt8((Int(pixels[y * rowBytes + i]) - (left + up) / 2 + 256) % 256)
                        XCTAssertEqual(filtered[y * (rowBytes + 1) + 1 + i], expected, "level \(level) row \(y) byte \(i)")
                    }
                }
            }
        }
    }
}
