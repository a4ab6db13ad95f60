import Foundation
import NNEngine
import NNFiles
@testable import NNRender
import XCTest

/// The slide rule: every figure type, at its default size, sets its text at 14 pt or more as it
/// measures on a 1920×1080 slide (13.33 × 7.5 in) that the image fills: the terminal's font,
/// and any font a figure sets for one element, in points × 4/3 pixels a point (cairo, 96 dpi)
/// × the scale that fits the image to the slide × ½ point per slide pixel.
final class SlideRuleTests: XCTestCase {
    /// One figure of every type the labs draw, in the shapes they use (1 to 3 columns, 6 layers).
    static var figures: [(name: String, figure: any Figure)] {
        let series = [LinePlot.Series(name: "a", x: [0, 1, 2], y: [1, 2, 3]), LinePlot.Series(name: "b", x: [0, 1, 2], y: [3, 2, 1])]
        let panel = LinePlot.Panel(title: "panel", xLabel: "x", yLabel: "y", series: series)
        let histogram = Histogram([0.1, 0.2, 0.5, -0.3], bins: 4, lower: -1, upper: 1)
        let grid = ContourGrid(domain: TestFunction.valley.domain, resolution: 5) { TestFunction.valley.value(x: $0, y: $1) }
        let contour = ContourPlot(title: "t", grid: grid, paths: (0..<3).map { .init(name: "p\($0)", x: [0, 1], y: [0, 1]) },
                                  starts: [Point2D(0, 0)], minima: [Point2D(0, 0)])
        let map = ClassMapPlot.Panel(title: "m", xs: [0, 1], ys: [0, 1], classes: [0, 1, 1, 0], points: [(0.5, 0.5, 1)])
        let image = PNGImage(width: 8, height: 8, channels: 3, pixels: [UInt8](repeating: 128, count: 192))
        let curve = CurveComparison.Curve(name: "c", x: [0, 1], reference: [0, 1], submitted: [0, 1])
        var figures: [(String, any Figure)] = (1...3).map { ("LinePlot, \($0) columns", LinePlot(title: "t", panels: Array(repeating: panel, count: $0))) }
        figures += [
            ("LinePlot, 2×2", LinePlot(title: "t", panels: Array(repeating: panel, count: 4), columns: 2)),
            ("HistogramGrid, 6 layers", HistogramGrid(title: "t", xLabel: "h", panels: (1...6).map { .init(title: "layer \($0)", histogram: histogram) })),
            ("ContourPlot", contour),
            ("ContourPlot, filled bands", ContourPlot(title: "t", grid: grid, paths: contour.paths, starts: contour.starts,
                                                      minima: contour.minima, style: .filledBands(count: 8))),
            ("ContourAnimation", ContourAnimation(plot: contour, frames: 3)),
            ("ClassMapPlot, 3 maps", ClassMapPlot(title: "t", classCount: 2, panels: Array(repeating: map, count: 3))),
            ("ImagePanels", ImagePanels(title: "t", columns: [[.init(title: "a", image: image)], [.init(title: "b", image: image)]])),
            ("CurveComparison", CurveComparison(title: "t", xLabel: "x", panels: Array(repeating: .init(title: "p", curves: [curve]), count: 4))),
            ("ComparisonScatter", ComparisonScatter(title: "t", series: [.init(name: "s", reference: [0, 1], submitted: [0, 1])], worst: [])),
        ]
        return figures.map { (name: $0.0, figure: $0.1) }
    }

    /// Every `font "…,N"` size in a script (the terminal's and any element's), in points.
    static func fontSizes(in script: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: #"font \"[^\",]*,([0-9.]+)\""#)
        let range = NSRange(script.startIndex..., in: script)
        return pattern.matches(in: script, range: range).compactMap { Range($0.range(at: 1), in: script).flatMap { Double(script[$0]) } }
    }

    func testEveryFigureTypeMeetsTheSlideRuleAtItsDefaultSize() {
        for (name, figure) in Self.figures {
            let size = figure.defaultSize
            let script = (figure.terminalOverride(size: size) ?? FigureFormat.png.terminal(size: size)) + "\n"
                + figure.gnuplotCommands(prefix: "f0_")
            let sizes = Self.fontSizes(in: script)
            XCTAssertFalse(sizes.isEmpty, "\(name): no font size in its script")
            for points in sizes {
                XCTAssertGreaterThanOrEqual(size.slidePoints(points), FigureSize.minimumSlidePoints,
                                            "\(name) at \(size): \(points) pt measures \(size.slidePoints(points)) pt on a 1080p slide")
            }
        }
    }

    func testTheRuleInNumbers() {
        // A 1920×1080 figure is the slide: 14 pt on the slide is 21 pt in the figure (28 pixels).
        let slide = FigureSize(width: 1920, height: 1080)
        XCTAssertEqual(slide.slideScale, 1)
        XCTAssertEqual(slide.fontSize, 21)
        XCTAssertEqual(slide.slidePoints(21), 14, accuracy: 1e-12)
        // Twice as wide: shrunk by half to fit, so the font doubles.
        XCTAssertEqual(FigureSize(width: 3840, height: 1080).fontSize, 42)
        // The former two-panel line plot, 1700×560, drew 10 pt: 7.5 pt on the slide.
        XCTAssertEqual(FigureSize(width: 1700, height: 560).slidePoints(10), 7.53, accuracy: 0.01)
        // A strip given by --size keeps a twelfth of its height at most.
        XCTAssertEqual(FigureSize(width: 5000, height: 200).fontSize, 16)
    }

    func testSVGAndPDFSetTextAtThePNGsFractionOfTheFigure() {
        let size = FigureSize(width: 1700, height: 765)
        // PNG: 4/3 pixel a point; SVG: its font sizes are pixels; PDF: 1/72 inch on a page of size/100 inches.
        let png = Double(size.fontSize) * 4 / 3 / Double(size.width)
        let svg = Double(size.fontSize) * FigureFormat.svgFontScale / Double(size.width)
        let pdf = Double(size.fontSize) * FigureFormat.pdfFontScale / 72 / (Double(size.width) / 100)
        XCTAssertEqual(svg / png, 1, accuracy: 1e-3)
        XCTAssertEqual(pdf / png, 1, accuracy: 1e-3)
        XCTAssertTrue(FigureFormat.svg.terminal(size: size).contains("fontscale \(FigureFormat.svgFontScale)"))
        XCTAssertTrue(FigureFormat.pdf.terminal(size: size).contains("fontscale \(FigureFormat.pdfFontScale)"))
    }

    func testTheDarkThemeDrawsLightTextOnADarkBackgroundWithItsOwnPalette() {
        let plot = LinePlot(title: "t", panels: [LinePlot.Panel(title: "p", xLabel: "x", yLabel: "y",
                                                                series: [.init(name: "a", x: [0, 1], y: [0, 1])], note: "n")])
        let dark = Theme.$current.withValue(.dark) { Theme.preamble + plot.gnuplotCommands(prefix: "f0_") }
        let light = Theme.preamble + plot.gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(FigureFormat.png.terminal(size: plot.defaultSize, theme: .dark).contains("background rgb \"\(Theme.dark.background)\""))
        XCTAssertTrue(dark.contains("set title textcolor rgb \"\(Theme.dark.ink)\""), dark)
        XCTAssertTrue(dark.contains("title 't' textcolor rgb \"\(Theme.dark.ink)\""), "the figure's title: \(dark)")
        XCTAssertTrue(dark.contains("left front textcolor rgb \"\(Theme.dark.ink)\""), "the panel's note: \(dark)")
        XCTAssertTrue(dark.contains("lc rgb \"\(Theme.dark.colors[0])\""), dark)
        XCTAssertTrue(light.contains("lc rgb \"\(Theme.light.colors[0])\""), light)
        XCTAssertEqual(Theme.current, .light, "the theme is set only around a script")
        // Every dark colour stands out against the dark background (WCAG contrast ≥ 3), and the
        // slots differ within each theme.
        for theme in Theme.allCases { XCTAssertEqual(Set(theme.colors).count, theme.colors.count) }
        for color in Theme.dark.colors {
            XCTAssertGreaterThanOrEqual(Self.contrast(color, Theme.dark.background), 3, color)
        }
        XCTAssertThrowsError(try Theme(parsing: "sepia")) { error in
            XCTAssertEqual((error as? LabError)?.message, "unknown theme 'sepia'; valid: light, dark")
        }
    }

    /// A contour map's legend goes right of the map when that leaves the map larger, else below in two columns with a margin under the x label; both
    /// keep to the slide rule (the figure's font).
    func testContourLegendGoesRightWhenItFitsElseBelowWithRoomForTheXLabel() {
        let size = FigureSize(width: 1920, height: 1080)
        let names = (0..<8).map { "momentum(lr=0.001): f = 4.345e-05 at step \($0)" } + ["start", "minimum"]
        XCTAssertTrue(ContourPlot.fitsKeyRight(names: names, size: size, aspect: 1.1, titleLines: 3), "Beale's map")
        XCTAssertFalse(ContourPlot.fitsKeyRight(names: names, size: size, aspect: 3, titleLines: 3), "a wide map")
        XCTAssertFalse(ContourPlot.fitsKeyRight(names: names, size: FigureSize(width: 720, height: 800), aspect: 1, titleLines: 3),
                       "the animation's narrow frame")
        let right = ContourPlot.keyPlacement(names: names + ["λ"], size: size, aspect: 1.1, titleLines: 3)
        XCTAssertTrue(right.hasPrefix("set key outside right center vertical width -1 "), right)
        let below = ContourPlot.keyPlacement(names: names, size: size, aspect: 3, titleLines: 3)
        XCTAssertTrue(below.contains("set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 5 "), below)
        XCTAssertTrue(below.contains("set bmargin 11\n"), "five rows, the tics, the label and a line between: \(below)")
        XCTAssertFalse(below.contains("font"), "the legend is in the figure's font")
        // Dark theme: the level lines and bands have their own palettes.
        let grid = ContourGrid(domain: TestFunction.valley.domain, resolution: 5) { TestFunction.valley.value(x: $0, y: $1) }
        let plot = ContourPlot(title: "t", grid: grid, paths: [.init(name: "p", x: [0, 1], y: [0, 1])], starts: [], minima: [],
                               style: .filledBands(count: 8))
        let dark = Theme.$current.withValue(.dark) { plot.gnuplotCommands(prefix: "f0_") }
        XCTAssertTrue(dark.contains(Theme.dark.bandPalette), dark)
        XCTAssertTrue(Theme.$current.withValue(.dark) { grid.traceCommands(into: "l") }.contains(Theme.dark.levelLinePalette))
    }

    /// WCAG 2 contrast ratio of two `#RRGGBB` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (la, lb) = (luminance(a), luminance(b))
        return (Swift.max(la, lb) + 0.05) / (Swift.min(la, lb) + 0.05)
    }
}
