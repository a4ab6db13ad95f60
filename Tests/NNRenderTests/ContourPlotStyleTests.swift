import XCTest
import NNEngine
@testable import NNRender

/// How the level-lines map tells its paths apart, where its legend goes, and how many decades its
/// levels span.
final class ContourPlotStyleTests: XCTestCase {
    static var plot: ContourPlot {
        let grid = ContourGrid(domain: TestFunction.valley.domain, resolution: 5) { TestFunction.valley.value(x: $0, y: $1) }
        return ContourPlot(title: "t", grid: grid, paths: (0..<3).map { .init(name: "p\($0)", x: [0, 1], y: [0, 1]) },
                           starts: [Point2D(0, 0)], minima: [Point2D(0, 0)])
    }

    func testEachPathHasItsOwnDashAndEarlierPathsAreWiderUnderneath() {
        let script = Self.plot.gnuplotCommands(prefix: "f0_")
        for i in 0..<3 {
            XCTAssertTrue(script.contains("$f0_path\(i) every ::0::1 using 1:2 with linespoints lw \(ContourPlot.lineWidth(i)) dt \(Theme.dash(i)) pt \(Theme.marker(i)) pi 1 ps 1.3 lc rgb \"\(Theme.color(i))\" title 'p\(i)'"), script)
        }
        XCTAssertEqual(Set(Theme.markers).count, Theme.palette.count, "every palette slot has its own marker")
        XCTAssertEqual(Set(Theme.dashes).count, Theme.palette.count, "every palette slot has its own dash")
        XCTAssertGreaterThan(ContourPlot.lineWidth(0), ContourPlot.lineWidth(1))
        XCTAssertEqual(ContourPlot.lineWidth(20), 1.6, "never thinner than 1.6")
        XCTAssertFalse(Theme.palette.contains("#F0E442"), "no yellow lines on white")
    }

    func testTheLegendIsPlacedByTheMapsShape() {
        let script = Self.plot.gnuplotCommands(prefix: "f0_")
        let placement = ContourPlot.keyPlacement(names: Self.plot.keyNames, size: Self.plot.defaultSize, aspect: Self.plot.aspect, titleLines: 1)
        XCTAssertTrue(script.contains(placement), script)
        XCTAssertFalse(script.contains("xlabel offset"), "the label stays where gnuplot puts it; the key makes room")
    }

    func testDecadesBoundTheLowestLogLevel() {
        let samples = [0, 1e-9, 1, 1000.0]
        XCTAssertEqual(ContourGrid.levels(of: samples, count: 6).levels[0], 1e-3, accuracy: 1e-15, "6 decades by default")
        XCTAssertEqual(ContourGrid.levels(of: samples, count: 6, decades: 3).levels[0], 1, accuracy: 1e-12)
    }
}
