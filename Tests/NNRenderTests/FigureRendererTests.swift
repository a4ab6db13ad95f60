import Foundation
import LabTestSupport
import NNEngine
import XCTest
import NNFiles
@testable import NNRender

/// Rendering figures through gnuplot into PNG, SVG and PDF, and failing cleanly.
final class FigureRendererTests: XCTestCase {
    static let size = FigureSize(width: 640, height: 480)

    static var linePlot: LinePlot {
        LinePlot(title: "test \"quotes\" and\nnewline", panels: [
            LinePlot.Panel(title: "a", xLabel: "layer", yLabel: "std",
                           series: [.init(name: "s", x: [1, 2, 3], y: [1, 0.1, 0.01]), .init(name: "t", x: [1, 2, 3], y: [1, 1, .nan])],
                           logY: true),
            LinePlot.Panel(title: "b", xLabel: "x", yLabel: "y", series: [.init(name: "u", x: [0, 1], y: [2, 3])], markers: false),
        ])
    }

    static var histogramGrid: HistogramGrid {
        var generator = RandomStream(seed: 3)
        let panels = (1...3).map { i in
            HistogramGrid.Panel(title: "layer \(i)",
                                histogram: Tensor.randomNormal(shape: [1000], using: &generator).histogram(bins: 20, lower: -3, upper: 3))
        }
        return HistogramGrid(title: "grid", xLabel: "h", panels: panels, columns: 2, logY: true)
    }

    /// A figure whose commands gnuplot rejects.
    struct BrokenFigure: Figure {
        var defaultSize: FigureSize { FigureSize(width: 200, height: 200) }
        func gnuplotCommands(prefix: String) -> String { "plot $\(prefix)missing using 1:2\n" }
    }

    func testPNGHasTheRequestedSize() throws {
        let folder = try makeTemporaryFolder("render")
        let renderer = FigureRenderer(format: .png, size: Self.size)
        let lineURL = renderer.url(for: "line", in: folder), gridURL = renderer.url(for: "grid", in: folder)
        XCTAssertEqual(lineURL.lastPathComponent, "line.png")
        try renderer.render([(Self.linePlot, lineURL), (Self.histogramGrid, gridURL)])
        for url in [lineURL, gridURL] {
            let image = try PNGImage(contentsOf: url)
            XCTAssertEqual([image.width, image.height], [640, 480], url.lastPathComponent)
        }
        XCTAssertEqual(folderContents(folder), ["grid.png", "line.png"], "no temporary files left")
    }

    func testSVGAndPDFMagic() throws {
        let folder = try makeTemporaryFolder("render")
        for (format, magics) in [(FigureFormat.svg, ["<?xml", "<svg"]), (.pdf, ["%PDF"])] {
            let renderer = FigureRenderer(format: format, size: Self.size)
            let url = renderer.url(for: "figure", in: folder)
            try renderer.render([(Self.histogramGrid, url)])
            let head = String(decoding: try Data(contentsOf: url).prefix(16), as: UTF8.self)
            XCTAssertTrue(magics.contains { head.hasPrefix($0) }, "\(format) starts with '\(head)'")
        }
        XCTAssertEqual(folderContents(folder), ["figure.pdf", "figure.svg"])
    }

    func testDefaultSizesFollowTheLayout() throws {
        XCTAssertEqual(Self.histogramGrid.defaultSize, FigureSize(width: 120 + 2 * 460, height: 120 + 2 * 420))
        XCTAssertEqual(Self.linePlot.defaultSize, FigureSize(width: 300 + 2 * 700, height: (300 + 2 * 700) * 9 / 20))
        let folder = try makeTemporaryFolder("render")
        let url = folder.appendingPathComponent("default.png")
        try FigureRenderer(format: .png).render([(Self.linePlot, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [1700, 765])
    }

    func testFailedRenderLeavesNoFiles() throws {
        let folder = try makeTemporaryFolder("render")
        let renderer = FigureRenderer(format: .png, size: Self.size)
        assertLabError(try renderer.render([(Self.linePlot, renderer.url(for: "good", in: folder)),
                                            (BrokenFigure(), renderer.url(for: "broken", in: folder))]),
                       contains: ["gnuplot failed"])
        XCTAssertEqual(folderContents(folder), [], "a failed render left files behind")
    }

    func testFigureSizeParsing() throws {
        XCTAssertEqual(try FigureSize(parsing: "1600x900"), FigureSize(width: 1600, height: 900))
        XCTAssertEqual(try FigureSize(parsing: "640X480"), FigureSize(width: 640, height: 480))
        XCTAssertEqual(FigureSize(width: 1600, height: 900).description, "1600x900")
        assertLabError(try FigureSize(parsing: "0x10"), contains: ["0x10", "100...10000"])
        assertLabError(try FigureSize(parsing: "abc"), contains: ["abc", "WIDTHxHEIGHT"])
        assertLabError(try FigureSize(parsing: "99999x10"), contains: ["99999x10", "100...10000"])
        assertLabError(try FigureSize(parsing: "10x10"), contains: ["10x10"])
        assertLabError(try FigureSize(parsing: "100x"), contains: ["WIDTHxHEIGHT"])
    }

    func testFigureFormatParsing() throws {
        XCTAssertEqual(try FigureFormat(parsing: "PNG"), .png)
        XCTAssertEqual(try FigureFormat(parsing: "svg"), .svg)
        XCTAssertEqual(try FigureFormat(parsing: "pdf"), .pdf)
        assertLabError(try FigureFormat(parsing: "gif"), contains: ["unknown format 'gif'", "png, svg, pdf"])
    }
}
