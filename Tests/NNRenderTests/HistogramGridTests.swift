import NNEngine
import XCTest
@testable import NNRender

/// Histogram grids' layout, shared x range and cut spikes, in the gnuplot script.
final class HistogramGridTests: XCTestCase {
    /// A bell (no bar more than twice another) and a spike of 60% at zero over the same bell.
    static let bell = Histogram([-1, -0.5, -0.5, 0, 0, 0, 0.5, 0.5, 1], bins: 5, lower: -1.25, upper: 1.25)
    static let spike = Histogram([-1, -0.5, -0.5, 0.5, 0.5, 1] + Array(repeating: 0.0, count: 9), bins: 5, lower: -1.25, upper: 1.25)

    func grid(_ histograms: [Histogram], xRange: ClosedRange<Double>? = nil) -> HistogramGrid {
        HistogramGrid(title: "t", xLabel: "h", panels: histograms.enumerated().map { .init(title: "layer \($0.offset)", histogram: $0.element) },
                      xRange: xRange)
    }

    func testSixPanelsMakeTwoRowsOfThree() {
        let six = grid(Array(repeating: Self.bell, count: 6))
        XCTAssertEqual(six.layout.rows, 2)
        XCTAssertEqual(six.layout.columns, 3)
        XCTAssertEqual(six.defaultSize, FigureSize(width: 120 + 3 * 460, height: 120 + 2 * 420))
        XCTAssertGreaterThanOrEqual(six.defaultSize.fontSize, 14, "legible on a slide at the default size")
        XCTAssertEqual(grid([Self.bell]).layout.columns, 1)
    }

    func testSharedXRangeOverridesTheFirstPanelsBins() {
        XCTAssertTrue(grid([Self.bell]).gnuplotCommands(prefix: "f0_").contains("set xrange [-1.25:1.25]\n"))
        XCTAssertTrue(grid([Self.bell], xRange: -34...34).gnuplotCommands(prefix: "f0_").contains("set xrange [-34.0:34.0]\n"))
    }

    func testASpikeIsCutAndLabelledWithItsHeight() throws {
        XCTAssertNil(HistogramGrid.clip(Self.bell))
        let clip = try XCTUnwrap(HistogramGrid.clip(Self.spike))
        XCTAssertEqual(clip.bin, 2)
        XCTAssertEqual(clip.top, 1.5 * 2.0 / 15, accuracy: 1e-12, "1.5 × the second tallest bar")
        let script = grid([Self.bell, Self.spike]).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set yrange [0:\(clip.top)]\nset label 1 '← bar cut: 60%' at first 0.0, graph 0.96 left offset 1,0 textcolor rgb \"#000000\"\n"), script)
        XCTAssertTrue(script.contains("unset label 1\nset yrange [0:*]\n"), "the next panel scales itself again")
        XCTAssertEqual(script.components(separatedBy: "bar cut").count - 1, 1, "only the spike's panel is cut")
        var logGrid = grid([Self.spike])
        logGrid.logY = true
        XCTAssertFalse(logGrid.gnuplotCommands(prefix: "f0_").contains("bar cut"), "a log axis shows a spike whole")
    }

    /// Shared axes: one y range for every panel (a spike above it cut), one x range over every
    /// panel's bins.
    func testSharedAxes() throws {
        let wide = Histogram([-3, 0, 3], bins: 3, lower: -4.5, upper: 4.5)
        var shared = grid([Self.bell, wide])
        shared.sharedY = true
        shared.sharedX = true
        XCTAssertEqual(shared.panelXRange, -4.5...4.5)
        let top = try XCTUnwrap(shared.sharedYRange).upperBound
        XCTAssertEqual(top, 1.05 * 3.0 / 9, accuracy: 1e-12, "the bell's tallest bar, 3 of 9")
        let script = shared.gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set xrange [-4.5:4.5]\n"), script)
        XCTAssertTrue(script.contains("set yrange [0.0:\(top)]\n"), script)
        XCTAssertFalse(script.contains("[0:*]"), "no panel scales itself")
        XCTAssertEqual(grid([Self.bell, wide]).panelXRange, -1.25...1.25, "by default the first panel's bins")
        // A spike stays cut: the axis is set by the cut tops, and the spike's panel says so.
        var spiky = grid([Self.bell, Self.spike])
        spiky.sharedY = true
        let spikyScript = spiky.gnuplotCommands(prefix: "f0_")
        XCTAssertEqual(spikyScript.components(separatedBy: "bar cut: 60%").count - 1, 1, spikyScript)
        // On a log axis: from half the smallest non-zero fraction to 1.
        var log = grid([Self.bell, wide])
        log.sharedY = true
        log.logY = true
        XCTAssertEqual(log.sharedYRange, (1.0 / 18)...1)
    }
}
