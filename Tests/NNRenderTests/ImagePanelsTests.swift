import Foundation
import LabTestSupport
import NNEngine
import XCTest
import NNFiles
@testable import NNRender

/// Small images drawn pixel by pixel: rendered through gnuplot, the layout, and the script.
final class ImagePanelsTests: XCTestCase {
    /// 3×2 of pure colours: red, green, blue over yellow, white, black.
    static let image = PNGImage(width: 3, height: 2, channels: 3,
                                pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0, 255, 255, 255, 0, 0, 0])
    /// 2×1 crop of it: green, blue.
    static let crop = PNGImage(width: 2, height: 1, channels: 3, pixels: [0, 255, 0, 0, 0, 255])

    /// The image alone, then a column with the image outlined and the crop, then a column with an
    /// empty slot and the crop again.
    static var panels: ImagePanels {
        ImagePanels(title: "panels \"quoted\"", columns: [
            [.init(title: "input", image: image)],
            [.init(title: "whole\noutlined", image: image, outline: PixelRect(x: 1, y: 0, width: 2, height: 1)),
             .init(title: "crop", image: crop)],
            [.init(title: "missing", image: nil), .init(title: "crop again", image: crop)],
        ])
    }

    func testPNGHasTheDefaultSizeAndEveryPixelAsABlock() throws {
        // Blocks of 60 pixels (480 / 3, at most 60); cells 3·60 + 32 wide and 2·60 + (2·36 + 12) + 16
        // high (two-line panel titles, 36 pixels a line); a header of one line and a margin.
        XCTAssertEqual(Self.panels.defaultSize, FigureSize(width: 2 * 24 + 3 * 212, height: (36 + 24) + 2 * 220 + 24))
        let folder = try makeTemporaryFolder("render")
        let url = folder.appendingPathComponent("panels.png")
        try FigureRenderer(format: .png).render([(Self.panels, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [684, 524])
        XCTAssertEqual(folderContents(folder), ["panels.png"], "no temporary files left")

        var counts: [[UInt8]: Int] = [:]
        for i in stride(from: 0, to: image.pixels.count, by: image.channels) { counts[Array(image.pixels[i..<(i + 3)]), default: 0] += 1 }
        // Each drawn pixel is a block of about 59×59 in its exact colour, never smoothed: red is
        // in 2 panels, green and blue in 4, yellow and black in 2.
        for (colour, blocks) in [([255, 0, 0], 2), ([0, 255, 0], 4), ([0, 0, 255], 4), ([255, 255, 0], 2), ([0, 0, 0], 2)] as [([UInt8], Int)] {
            XCTAssertGreaterThan(counts[colour, default: 0], blocks * 2900, "\(colour)")
            XCTAssertLessThan(counts[colour, default: 0], blocks * 3700, "\(colour)")
        }
    }

    func testOtherSizesKeepThePixelsSquare() throws {
        let folder = try makeTemporaryFolder("render")
        let url = folder.appendingPathComponent("wide.png")
        try FigureRenderer(format: .png, size: FigureSize(width: 900, height: 400)).render([(Self.panels, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [900, 400])
    }

    func testScriptDrawsEachImageOnceWithRowsDownwards() {
        let script = Self.panels.gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set multiplot title 'panels \"quoted\"' textcolor rgb \"#000000\"\n"), script)
        XCTAssertTrue(script.hasSuffix("unset multiplot\n"))
        // Four images, each its own datablock of x y r g b, one row per pixel, row 0 first,
        // each pixel a square of side 1 in its colour.
        XCTAssertEqual(script.components(separatedBy: "using 1:2:(0.5):(0.5):((($3 * 256) + $4) * 256 + $5) with boxxyerror fs solid 1 noborder lc rgb variable\n").count - 1, 4)
        XCTAssertTrue(script.contains("$f0_0_0 << EOD\n0.0 0.0 255.0 0.0 0.0\n1.0 0.0 0.0 255.0 0.0\n"), script)
        XCTAssertEqual(script.components(separatedBy: "$f0_1_1 << EOD\n")[1].components(separatedBy: "EOD\n")[0]
            .split(separator: "\n").count, 2)
        XCTAssertFalse(script.contains("$f0_2_0 << EOD"), "the empty slot has no data")
        // The y axis points down, and every panel spans the largest image's 3×2 pixels; the
        // 2-pixel crop is centred left to right.
        XCTAssertTrue(script.contains("set xrange [-0.5:2.5]\nset yrange [1.5:-0.5]\n"), script)
        XCTAssertTrue(script.contains("set xrange [-1.0:2.0]\nset yrange [1.5:-0.5]\n"), script)
        XCTAssertTrue(script.contains("set title 'whole'.\"\\n\".'outlined'\n"), script)
        XCTAssertTrue(script.contains("set object 3 rect from 0.5,-0.5 to 2.5,0.5 front"), "the outline around columns 1–2 of row 0")
        XCTAssertEqual(script.components(separatedBy: "set object 3 rect").count - 1, 1, "only the outlined panel")
        XCTAssertTrue(script.contains("set title 'missing'\n"), script)
        XCTAssertTrue(script.contains("dt 2 lw 1\nunset grid\nplot NaN notitle\n"), "the empty slot is a dashed frame")
    }
}
