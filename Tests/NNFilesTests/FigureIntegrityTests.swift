import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// A figure file is accepted only when complete: a PNG to IEND with every CRC right, an SVG with
/// its closing tag, a PDF with %%EOF, a GIF with its trailer.
final class FigureIntegrityTests: XCTestCase {
    func testCompletePNGPassesAndEveryTruncationFails() throws {
        let folder = try makeTemporaryFolder("files")
        let png = PNGFixtures.data(PNGFixtures.palette)
        let url = folder.appendingPathComponent("figure.png")
        try png.write(to: url)
        XCTAssertNil(FigureIntegrity.problem(with: url))
        for length in 0..<png.count {
            try png.prefix(length).write(to: url)
            XCTAssertNotNil(FigureIntegrity.problem(with: url), "a PNG cut to \(length) of \(png.count) bytes passed")
        }
    }

    func testFlippedByteFailsTheCRC() throws {
        let folder = try makeTemporaryFolder("files")
        let png = PNGFixtures.data(PNGFixtures.grey8)
        let url = folder.appendingPathComponent("figure.png")
        // Every byte after the signature is covered by a length, a type, data or a CRC.
        for index in FigureIntegrity.pngSignature.count..<png.count {
            var corrupt = png
            corrupt[index] ^= 0x01
            try corrupt.write(to: url)
            XCTAssertNotNil(FigureIntegrity.problem(with: url), "flipping byte \(index) went unnoticed")
        }
    }

    func testGIFNeedsItsTrailer() throws {
        let folder = try makeTemporaryFolder("files")
        let url = folder.appendingPathComponent("a.gif")
        try Data("GIF89a\u{0}\u{0};".utf8).write(to: url)
        XCTAssertNil(FigureIntegrity.problem(with: url))
        try Data("GIF89a\u{0}\u{0}".utf8).write(to: url)
        XCTAssertEqual(FigureIntegrity.problem(with: url), "the GIF has no trailer (0x3B)")
    }
}
