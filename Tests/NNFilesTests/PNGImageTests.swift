import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// PNG reading and writing through libpng: round trips, colour-type conversion, and errors.
final class PNGImageTests: XCTestCase {
    /// A `width`×`height` image of pseudo-random bytes (incompressible, so the IDAT is large).
    static func noise(width: Int, height: Int, channels: Int, seed: UInt64 = 1) -> PNGImage {
        var generator = RandomStream(seed: seed)
        return PNGImage(width: width, height: height, channels: channels,
                        pixels: (0..<(width * height * channels)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    }

    func testRoundTripRGBAndRGBAIsExact() throws {
        let folder = try makeTemporaryFolder("files")
        for channels in [3, 4] {
            let image = Self.noise(width: 37, height: 23, channels: channels)
            let url = folder.appendingPathComponent("round-trip-\(channels).png")
            try image.write(to: url)
            let read = try PNGImage(contentsOf: url)
            XCTAssertEqual(read, image, "\(channels) channels")
        }
        XCTAssertEqual(folderContents(folder), ["round-trip-3.png", "round-trip-4.png"], "no temporary file left")
    }

    func testReadsGreyAsRGB() throws {
        let image = try PNGImage(pngData: PNGFixtures.data(PNGFixtures.grey8))
        XCTAssertEqual([image.width, image.height, image.channels], [3, 2, 3])
        XCTAssertEqual(image.pixels, [0, 128, 255, 10, 20, 30].flatMap { [$0, $0, $0] })
    }

    func testReadsPaletteAsRGBAndTransparentPaletteAsRGBA() throws {
        let image = try PNGImage(pngData: PNGFixtures.data(PNGFixtures.palette))
        XCTAssertEqual([image.width, image.height, image.channels], [2, 2, 3])
        XCTAssertEqual(image.pixels, [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 0, 0])
        let transparent = try PNGImage(pngData: PNGFixtures.data(PNGFixtures.paletteWithTransparency))
        XCTAssertEqual([transparent.width, transparent.height, transparent.channels], [2, 1, 4])
        XCTAssertEqual(transparent.pixels, [255, 0, 0, 128, 0, 255, 0, 255])
    }

    func testReads16BitAs8Bit() throws {
        let image = try PNGImage(pngData: PNGFixtures.data(PNGFixtures.rgb16))
        XCTAssertEqual([image.width, image.height, image.channels], [2, 1, 3])
        XCTAssertEqual(Array(image.pixels[0...1]), [255, 0], "the extremes map to the extremes")
        // A 16-bit sample v is the 8-bit value v/257 (the PNG spec's sample scaling, what
        // png_set_scale_16, PIL and numpy give): 32896 → 128, 0x1234 → 18, 0xABCD → 171, 0xFF → 1.
        let expected: [UInt8] = [255, 0, 128, 18, 171, 1]
        XCTAssertEqual(image.pixels, expected)
    }

    func testTruncatedPNGIsRejectedWithLibpngMessage() throws {
        let data = try Self.noise(width: 64, height: 64, channels: 3).pngData()
        assertLabError(try PNGImage(pngData: data.prefix(data.count / 2), name: "half.png"), contains: ["libpng", "half.png"])
        assertLabError(try PNGImage(pngData: data.prefix(40), name: "header-only.png"), contains: ["libpng"])
    }

    func testCorruptedIDATIsRejectedWithLibpngMessage() throws {
        var data = try Self.noise(width: 64, height: 64, channels: 3).pngData()
        let idat = data.range(of: Data("IDAT".utf8))!
        for offset in 20..<28 { data[idat.upperBound + offset] ^= 0xFF }
        assertLabError(try PNGImage(pngData: data, name: "flipped.png"), contains: ["libpng", "flipped.png"])
    }

    func testNonPNGAndMissingFiles() throws {
        let folder = try makeTemporaryFolder("files")
        let text = folder.appendingPathComponent("notes.png")
        try Data("hello, this is text".utf8).write(to: text)
        assertLabError(try PNGImage(contentsOf: text), contains: ["not a PNG", "notes.png"])
        assertLabError(try PNGImage(pngData: Data()), contains: ["not a PNG"])
        let missing = folder.appendingPathComponent("missing.png")
        assertLabError(try PNGImage(contentsOf: missing), contains: ["image", "missing.png", "does not exist"])
    }
}
