import Foundation
import LabTestSupport
import XCTest
import NNFiles
@testable import NNRender

/// Line plots' scatter, log-x and `y = x` options, rendered through gnuplot and in the script.
/// (Lines, log-y and markers are covered by `FigureRendererTests`.)
final class LinePlotTests: XCTestCase {
    static let size = FigureSize(width: 640, height: 480)

    /// A learning-rate sweep on log-x beside a scatter of two computations over the diagonal.
    static var plot: LinePlot {
        LinePlot(title: "options", panels: [
            LinePlot.Panel(title: "sweep", xLabel: "learning rate", yLabel: "loss",
                           series: [.init(name: "loss", x: [1e-4, 1e-3, 1e-2, 1e-1], y: [2, 1, 0.5, 3])], logX: true),
            LinePlot.Panel(title: "agreement", xLabel: "reference", yLabel: "computed",
                           series: [.init(name: "values", x: [0, 0.5, 1, 1.5], y: [0.02, 0.49, 1.01, 1.5], dotsOnly: true),
                                    .init(name: "fit", x: [0, 1.5], y: [0, 1.5])],
                           diagonal: true),
        ], key: .insideBottomRight)
    }

    func testPNGHasTheRequestedSize() throws {
        let folder = try makeTemporaryFolder("render")
        let renderer = FigureRenderer(format: .png, size: Self.size)
        let url = renderer.url(for: "options", in: folder)
        try renderer.render([(Self.plot, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [640, 480])
        XCTAssertEqual(folderContents(folder), ["options.png"], "no temporary files left")
    }

    func testScriptHasScatterLogXAndDiagonal() {
        let script = Self.plot.gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set key inside bottom right vertical\n"), script)
        let panels = Array(script.components(separatedBy: "set title ").dropFirst())
        XCTAssertEqual(panels.count, 2)

        // Log-x on the first panel only, and switched off again after the figure.
        XCTAssertTrue(script.contains("set logscale x\nset format x \"%g\"\nset xtics autofreq\nset title 'sweep'"), script)
        XCTAssertTrue(script.contains("unset logscale x\nset format x \"% h\"\nset xtics 0.25\nset title 'agreement'"), script)
        XCTAssertTrue(script.hasSuffix("unset multiplot\nunset logscale x\nset xtics autofreq\n"))

        // The scatter draws dots only; the other series of its panel keeps the line style.
        XCTAssertTrue(panels[1].contains("$f0_1_0 using 1:2 with points pt 7 ps 0.6 lc rgb \"\(Theme.color(0))\" title 'values'"), panels[1])
        XCTAssertTrue(panels[1].contains("$f0_1_1 using 1:2 with linespoints pt \(Theme.marker(1)) pi 1 ps 1.3 lw 2.5 dt \(Theme.dash(1)) lc rgb \"\(Theme.color(1))\" title 'fit'"), panels[1])
        XCTAssertTrue(panels[0].contains("$f0_0_0 using 1:2 with linespoints"), panels[0])

        // The diagonal is drawn first, under the data, and only where asked.
        XCTAssertTrue(panels[1].contains("plot x with lines dt 2 lw 1 lc rgb \"\(Theme.light.neutral)\" title \"y = x\", \\\n     $f0_1_0"), panels[1])
        XCTAssertFalse(panels[0].contains("y = x"), panels[0])
    }

    /// `columns` wraps the panels into a grid, row by row, and sizes the figure to it.
    func testColumnsMakeAGrid() throws {
        var plot = Self.plot
        plot.panels += plot.panels + plot.panels
        let grid = LinePlot(title: plot.title, panels: plot.panels, columns: 2)
        XCTAssertTrue(grid.gnuplotCommands(prefix: "f0_").contains("set multiplot layout 3,2 title 'options' textcolor rgb \"#000000\"\n"))
        XCTAssertEqual(grid.defaultSize, FigureSize(width: 300 + 2 * 700, height: 60 + 3 * 500))
        XCTAssertTrue(plot.gnuplotCommands(prefix: "f0_").contains("set multiplot layout 1,6 "), "one row by default")
        XCTAssertEqual(LinePlot(title: "t", panels: Self.plot.panels, columns: 5).grid.columns, 2, "no more columns than panels")

        let folder = try makeTemporaryFolder("render")
        let renderer = FigureRenderer(format: .png, size: nil)
        let url = renderer.url(for: "grid", in: folder)
        try renderer.render([(grid, url)])
        let image = try PNGImage(contentsOf: url)
        XCTAssertEqual([image.width, image.height], [1700, 1560])
    }

    /// x tics at a round step, at most 6 intervals over the data, so labels do not run together.
    func testXTicStepIsRound() {
        func step(_ xs: [Double], logX: Bool = false) -> Double? {
            LinePlot.Panel(title: "", xLabel: "", yLabel: "", series: [.init(name: "s", x: xs, y: xs)], logX: logX).xTicStep
        }
        XCTAssertEqual(step(Array(stride(from: 1.0, through: 150, by: 1))), 25)
        XCTAssertEqual(step([0, 300]), 50)
        XCTAssertEqual(step([1, 6]), 1)
        XCTAssertEqual(step([0, 1.5]), 0.25)
        XCTAssertEqual(step([0, 1000]), 200)
        XCTAssertNil(step([1e-4, 1e-1], logX: true), "a log axis keeps gnuplot's decades")
        XCTAssertNil(step([3, 3]), "no range")
    }

    /// Whole-number x (degrees, seeds, layers, epochs) gets whole-number ticks: never 2.5 or 0.5.
    func testWholeNumberAxesGetWholeNumberTicks() {
        func step(_ xs: [Double], integerX: Bool? = nil) -> Double? {
            var panel = LinePlot.Panel(title: "", xLabel: "", yLabel: "", series: [.init(name: "s", x: xs, y: xs)])
            panel.integerX = integerX
            return panel.xTicStep
        }
        XCTAssertEqual(step(Array(stride(from: 1.0, through: 15, by: 1))), 5, "degree 1…15: 2.5 before")
        XCTAssertEqual(step([0, 1, 2, 3]), 1, "seed index 0…3: 0.5 before")
        XCTAssertEqual(step(Array(stride(from: 0.0, through: 150, by: 1))), 25, "epochs 0…150")
        XCTAssertEqual(step([0, 2, 4, 6, 8, 10, 12, 14]), 5, "2.5 before")
        XCTAssertEqual(step([0, 1.5]), 0.25, "not whole numbers")
        XCTAssertEqual(step([0, 1, 2, 3], integerX: false), 0.5, "the option overrides the inference")
        XCTAssertEqual(step([0, 1.5], integerX: true), 1)
    }

    /// A key below the panels gets a bottom margin for itself and the x label, reset afterwards.
    func testKeyBelowMakesRoomAndResets() {
        let below = LinePlot(title: "t", panels: Self.plot.panels, key: .below).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(below.contains("set key outside center bottom horizontal maxrows 1\nset bmargin 7\n"), below)
        // Eight long names: as many rows as the columns across the figure need, and the margin grows.
        let long = LinePlot.Panel(title: "p", xLabel: "step", yLabel: "f", series: (0..<8).map {
            .init(name: "momentum(lr=0.001): f = 4.345e-05 at step \($0)", x: [0, 1], y: [1, 2])
        })
        let plot = LinePlot(title: "t", panels: [long], key: .below)
        XCTAssertEqual(plot.belowKeyRows(across: plot.defaultSize), 4)
        XCTAssertTrue(plot.gnuplotCommands(prefix: "f0_").contains("maxrows 4\nset bmargin 9\n"))
        XCTAssertGreaterThan(plot.defaultSize.height, LinePlot(title: "t", panels: [long]).defaultSize.height,
                             "the legend's rows beyond two add to the height")
        XCTAssertTrue(below.hasSuffix("set xtics autofreq\nset bmargin\n"), below)
        XCTAssertFalse(Self.plot.gnuplotCommands(prefix: "f0_").contains("bmargin"))
    }
}

/// The y-axis options: a start, a flat series' minimum range, and a note.
final class LinePlotYAxisTests: XCTestCase {
    func panel(_ y: [Double], yFrom: Double? = nil, logY: Bool = false, note: String? = nil) -> LinePlot.Panel {
        LinePlot.Panel(title: "p", xLabel: "x", yLabel: "y", series: [.init(name: "s", x: y.indices.map(Double.init), y: y)],
                       logY: logY, yFrom: yFrom, note: note)
    }

    func testValuesEqualUpToRoundingGetAFivePercentRange() throws {
        let flat = try XCTUnwrap(panel([-1.0130700000000002, -1.01307]).flatYRange)
        XCTAssertEqual(flat.lowerBound, -1.01307 * 1.05, accuracy: 1e-9)
        XCTAssertEqual(flat.upperBound, -1.01307 * 0.95, accuracy: 1e-9)
        XCTAssertEqual(panel([0, 0]).flatYRange, -1...1)
        XCTAssertNil(panel([1, 1.001]).flatYRange, "a real difference keeps gnuplot's range")
        XCTAssertNil(panel([1, 1], logY: true).flatYRange)
        let script = LinePlot(title: "t", panels: [panel([2, 2])]).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("unset logscale y\nset format y \"% h\"\nset yrange [1.9:2.1]\n"), script)
    }

    func testYFromStartsTheAxisAndOthersAutoscale() {
        let script = LinePlot(title: "t", panels: [panel([0.4, 0.9], yFrom: 0), panel([0.4, 0.9])]).gnuplotCommands(prefix: "f0_")
        let panels = script.components(separatedBy: "set title 'p'")
        XCTAssertTrue(panels[0].hasSuffix("unset logscale y\nset format y \"% h\"\nset yrange [0.0:*]\nunset logscale x\nset format x \"% h\"\nset xtics 1.0\n"), panels[0])
        XCTAssertTrue(panels[1].hasSuffix("unset logscale y\nset format y \"% h\"\nset autoscale y\nunset logscale x\nset format x \"% h\"\nset xtics 1.0\n"), panels[1])
    }

    func testANoteIsWrittenInItsPanelOnly() {
        let script = LinePlot(title: "t", panels: [panel([1, 2], note: "no line"), panel([1, 2])]).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set label 2 'no line' at graph 0.02, graph 0.04 left front textcolor rgb \"#000000\"\nplot "), script)
        XCTAssertEqual(script.components(separatedBy: "unset label 2\n").count - 1, 1)
    }

    func testDotSizeSetsTheScatterDots() {
        let dots = LinePlot.Series(name: "members", x: [1, 2], y: [0.9, 0.8], dotsOnly: true, dotSize: 1.4)
        let script = LinePlot(title: "t", panels: [LinePlot.Panel(title: "p", xLabel: "x", yLabel: "y", series: [dots])]).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("$f0_0_0 using 1:2 with points pt 7 ps 1.4 lc rgb"), script)
    }
}
