import XCTest
@testable import NNRender

/// A panel without a named series draws no legend box, and panels in a row keep one plot height
/// whatever their titles' lines.
final class LinePlotLegendTests: XCTestCase {
    static func panel(_ title: String, names: [String]) -> LinePlot.Panel {
        LinePlot.Panel(title: title, xLabel: "x", yLabel: "y", series: names.map { .init(name: $0, x: [0, 1], y: [0, 1]) })
    }

    func testAPanelOfUnnamedSeriesHasNoKeyAndTheNextNamedOneGetsItBack() {
        let plot = LinePlot(title: "t", panels: [Self.panel("a", names: ["", ""]), Self.panel("b", names: ["", ""]),
                                                 Self.panel("c", names: ["named", ""])], key: .insideBottomRight)
        let script = plot.gnuplotCommands(prefix: "f0_")
        let panels = script.components(separatedBy: "plot $").dropFirst().count
        XCTAssertEqual(panels, 3)
        XCTAssertEqual(script.components(separatedBy: "unset key\n").count - 1, 1, "unset once, before the first panel: \(script)")
        XCTAssertEqual(script.components(separatedBy: "set key inside bottom right vertical\n").count - 1, 2,
                       "set for the figure, then again for the named panel: \(script)")
        let unset = script.range(of: "unset key\n")!, again = script.range(of: "set key inside bottom right vertical\n", range: unset.upperBound..<script.endIndex)!
        XCTAssertTrue(script[unset.upperBound..<again.lowerBound].contains("set title 'a'"))
        XCTAssertTrue(script[again.upperBound...].contains("set title 'c'"))
        XCTAssertFalse(script.hasSuffix("set key\n"), "the last panel left the key on")
        // Every panel unnamed: no key, turned back on after the figure.
        let bare = LinePlot(title: "t", panels: [Self.panel("a", names: [""])], key: .outside).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(bare.contains("unset key\n") && bare.hasSuffix("set key\n"), bare)
        // Named panels: the script is as before, the key set once.
        let named = LinePlot(title: "t", panels: [Self.panel("a", names: ["s"])], key: .outside).gnuplotCommands(prefix: "f0_")
        XCTAssertFalse(named.contains("unset key"), named)
    }

    func testTitlesInARowArePaddedToTheSameLines() {
        let plot = LinePlot(title: "t", panels: [Self.panel("one line", names: ["s"]), Self.panel("two\nlines", names: ["s"]),
                                                 Self.panel("next row", names: ["s"])], key: .outside, columns: 2)
        XCTAssertEqual(plot.paddedTitles, ["one line\n ", "two\nlines", "next row"])
        XCTAssertTrue(plot.gnuplotCommands(prefix: "f0_").contains("set title 'one line'.\"\\n\".' '\n"))
    }

    func testFixedTickStepsAreSetForTheirPanelOnly() {
        var fixed = Self.panel("fixed", names: ["s"])
        fixed.yTicStep = 0.2
        fixed.xTicStepOverride = 10
        let script = LinePlot(title: "t", panels: [fixed, Self.panel("free", names: ["s"])], key: .outside).gnuplotCommands(prefix: "f0_")
        XCTAssertTrue(script.contains("set xtics 10.0\nset ytics 0.2\nset title 'fixed'"), script)
        XCTAssertTrue(script.contains("set ytics autofreq\n"), "the next panel chooses its own: \(script)")
        XCTAssertFalse(script.contains("set xtics 10.0\nset title 'free'"), script)
    }
}
