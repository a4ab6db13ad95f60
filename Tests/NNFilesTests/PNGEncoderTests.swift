import Foundation
import NNEngine
import XCTest
@testable import NNFiles

/// The PNG writer (`PNGEncoder`: Average filter, libdeflate): what it writes, libpng reads back
/// exactly (libpng checks every chunk's CRC and the zlib checksum), for every shape of row.
final class PNGEncoderTests: XCTestCase {
    func testEveryRowShapeReadsBackExactlyThroughLibpng() throws {
        for channels in [3, 4] {
            for (width, height) in [(1, 1), (1, 5), (2, 3), (5, 1), (17, 9), (64, 2)] {
                for seed: UInt64 in [1, 2] {
                    let image = PNGImageTests.noise(width: width, height: height, channels: channels, seed: seed)
                    let read = try PNGImage(pngData: try image.pngData(), name: "encoded")
                    XCTAssertEqual(read, image, "\(width)×\(height)×\(channels)")
                }
            }
        }
    }

    func testSmoothImageCompresses() throws {
        // A gradient: the Average filter leaves small residuals, so the file is a fraction of the raw bytes.
        let (width, height) = (224, 224)
        let pixels = (0..<(width * height * 3)).map { UInt8(truncatingIfNeeded: ($0 / 3) % width + ($0 / (3 * width)) + $0 % 3) }
        let image = PNGImage(width: width, height: height, channels: 3, pixels: pixels)
        let data = try image.pngData()
        XCTAssertLessThan(data.count, width * height * 3 / 10, "a smooth 224×224 gradient")
        XCTAssertEqual(try PNGImage(pngData: data), image)
    }
}
