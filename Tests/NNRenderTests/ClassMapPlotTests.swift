import Foundation
import LabTestSupport
import XCTest
import NNFiles
@testable import NNRender

/// Decision-region maps: rendered through gnuplot, and the script that draws them.
final class ClassMapPlotTests: XCTestCase {
    static let size = FigureSize(width: 640, height: 480)

    /// Two panels over [−1, 1]², three classes: split into vertical bands on the left, horizontal
    /// bands on the right, with a few points of each class.
    static var plot: ClassMapPlot {
        let xs = (0..<30).map { -1 + 2 * Double($0) / 29 }, ys = (0..<20).map { -1 + 2 * Double($0) / 19 }
        func band(_ v: Double) -> Int { v < -0.33 ? 0 : v < 0.33 ? 1 : 2 }
        let points: [(x: Double, y: Double, label: Int)] = [(-0.8, 0.5, 0), (-0.6, -0.2, 0), (0, 0.1, 1), (0.1, -0.7, 1), (0.7, 0.4, 2)]
        return ClassMapPlot(title: "regions \"quoted\"", classCount: 3, panels: [
            .init(title: "by x", xs: xs, ys: ys, classes: ys.flatMap { _ in xs.map(band) }, points: points),
            .init(title: "by y", xs: xs, ys: ys, classes: ys.flatMap { y in xs.map { _ in band(y) } }, points: points),
        ])
    }

    /// The `#RRGGBB` colour as bytes.
    static func rgb(_ hex: String) -> [UInt8] {
        let value = Int(hex.dropFirst(), radix: 16)!
        return [UInt8((value >> 16) & 255), UInt8((value >> 8) & 255), UInt8(value & 255)]
    }

    func testPNGHasTheRequestedSizeAndTheClassTints() throws {
        let folder = try makeTemporaryFolder("render")
        let renderer = FigureRenderer(format: .png, size: Self.size)
        let url = renderer.url(for: "regions", in: folder)
        try renderer.render([(Self.plot, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [640, 480])
        XCTAssertEqual(folderContents(folder), ["regions.png"], "no temporary files left")

        // Every class's region is drawn in its light tint.
        var counts: [[UInt8]: Int] = [:]
        for i in stride(from: 0, to: image.pixels.count, by: image.channels) { counts[Array(image.pixels[i..<(i + 3)]), default: 0] += 1 }
        for c in 0..<3 {
            let tint = ClassMapPlot.tint(Theme.color(c), 0.72)
            XCTAssertGreaterThan(counts[Self.rgb(tint), default: 0], 1000, "class \(c)'s tint \(tint)")
        }
    }

    func testDefaultSizeFollowsThePanels() throws {
        XCTAssertEqual(Self.plot.defaultSize, FigureSize(width: 100 + 2 * 520, height: 600))
        let folder = try makeTemporaryFolder("render")
        let url = folder.appendingPathComponent("default.png")
        try FigureRenderer(format: .png).render([(Self.plot, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [1140, 600])
    }

    func testScriptDrawsEachPanelsGridAndPointsByClass() {
        let script = Self.plot.gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set multiplot layout 1,2 title 'regions \"quoted\"' textcolor rgb \"#000000\"\n"), script)
        XCTAssertTrue(script.hasSuffix("unset multiplot\nset bmargin\n"))
        XCTAssertTrue(script.contains("set key outside center bottom horizontal\nset bmargin 5\n"), "the legend under the maps, not over the points")
        let palette = (0..<3).map { "\($0) \"\(ClassMapPlot.tint(Theme.color($0), 0.72))\"" }.joined(separator: ", ")
        XCTAssertTrue(script.contains("set palette defined (\(palette))\nset palette maxcolors 3\nset cbrange [0:2]\n"), script)
        XCTAssertTrue(script.contains("set xrange [-1.0:1.0]\nset yrange [-1.0:1.0]\n"), script)
        for p in 0..<2 {
            XCTAssertTrue(script.contains("$f0_\(p)_grid << EOD\n-1.0 -1.0 0.0\n"), "panel \(p)'s grid starts at (−1, −1)")
            XCTAssertEqual(script.components(separatedBy: "$f0_\(p)_grid using 1:2:3 with image").count - 1, 1)
            for c in 0..<3 {
                XCTAssertTrue(script.contains("$f0_\(p)_points using 1:($3 == \(c) ? $2 : NaN) with points pt 7 ps 0.55 lc rgb \"\(Theme.color(c))\" title \"class \(c)\""),
                              "panel \(p), class \(c)")
            }
        }
        // The grid rows are x fastest, one per cell.
        let grid = script.components(separatedBy: "$f0_0_grid << EOD\n")[1].components(separatedBy: "EOD\n")[0]
        XCTAssertEqual(grid.split(separator: "\n").count, 30 * 20)
    }

    func testTintMixesTowardsWhite() {
        XCTAssertEqual(ClassMapPlot.tint("#0072B2", 0), "#0072b2")
        XCTAssertEqual(ClassMapPlot.tint("#000000", 0.5), "#808080")
        XCTAssertEqual(ClassMapPlot.tint("#D55E00", 1), "#ffffff")
    }
}
