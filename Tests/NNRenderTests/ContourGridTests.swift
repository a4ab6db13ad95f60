import XCTest
import NNEngine
@testable import NNRender

/// Contour levels, the two contour styles, animation pacing and the sharing of figures among gnuplot processes.
final class ContourGridTests: XCTestCase {
    func testLevelsAreLogSpacedWhereTheRangeIsWide() {
        let beale = ContourGrid(domain: TestFunction.beale.domain, resolution: 41, levelCount: 10) { TestFunction.beale.value(x: $0, y: $1) }
        XCTAssertTrue(beale.logLevels)
        XCTAssertEqual(beale.levels.count, 10)
        let ratios = zip(beale.levels, beale.levels.dropFirst()).map { $1 / $0 }
        for ratio in ratios { XCTAssertEqual(ratio, ratios[0], accuracy: 1e-9 * ratios[0], "geometric") }
        XCTAssertGreaterThan(beale.levels[0], 0)

        let saddle = ContourGrid(domain: TestFunction.saddle.domain, resolution: 41, levelCount: 9) { TestFunction.saddle.value(x: $0, y: $1) }
        XCTAssertFalse(saddle.logLevels, "negative values: linear levels")
        XCTAssertEqual(saddle.levels, (1...9).map { -4 + 8 * Double($0) / 10 })
        XCTAssertEqual(saddle.values[0][0], 0, "f(−2, −2) = 4 − 4")
        XCTAssertEqual(saddle.values[20][40], 4, "f(2, 0)")
    }

    func testAnimationShowsEveryStepByTheLastFrame() {
        let grid = ContourGrid(domain: TestFunction.valley.domain, resolution: 5) { TestFunction.valley.value(x: $0, y: $1) }
        let plot = ContourPlot(title: "t", grid: grid, paths: [
            .init(name: "a", x: Array(repeating: 0, count: 201), y: Array(repeating: 0, count: 201)),
            .init(name: "b", x: [0, 1, 2], y: [0, 1, 2], endedEarly: true),
        ], starts: [Point2D(0, 0)], minima: [Point2D(0, 0)])
        let animation = ContourAnimation(plot: plot, frames: 60)
        let steps = (0..<60).map(animation.stepShown(atFrame:))
        XCTAssertEqual(steps.first, 0)
        XCTAssertEqual(steps.last, 200)
        XCTAssertEqual(steps, steps.sorted())
        XCTAssertEqual(animation.renderingCost, 20)
        XCTAssertTrue(animation.terminalOverride(size: FigureSize(width: 640, height: 480))!.hasPrefix("set terminal gif animate delay 8 loop 0"))
        XCTAssertNil(plot.terminalOverride(size: FigureSize(width: 640, height: 480)))
        XCTAssertEqual(animation.gnuplotCommands(prefix: "p_").components(separatedBy: "\nplot ").count - 1, 60)
    }

    func testFilledBandsShadeTheGridInsteadOfTracingLines() {
        let grid = ContourGrid(domain: PlotDomain(x: -1...1, y: 0...2), resolution: 3) { x, y in x + 10 * y }
        let path = ContourPlot.Path(name: "a", x: [0, 0.5], y: [1, 1.5])
        let lines = ContourPlot(title: "t", grid: grid, paths: [path], starts: [Point2D(0, 1)], minima: [Point2D(0, 0)])
        let bands = ContourPlot(title: "t", grid: grid, paths: [path], starts: [], minima: [Point2D(0, 0)], style: .filledBands(count: 12))
        XCTAssertTrue(lines.gnuplotCommands(prefix: "p_").contains("set contour base"))
        let script = bands.gnuplotCommands(prefix: "p_")
        XCTAssertFalse(script.contains("contour"), script)
        XCTAssertTrue(script.contains("set palette maxcolors 12\n"))
        XCTAssertTrue(script.contains("$p_grid using 1:2:3 with image notitle"))
        // log₁₀(1 + f), column by column: x = −1 first, then y = 0, 1, 2.
        XCTAssertTrue(script.hasPrefix("$p_grid << EOD\n-1.0 0.0 0.0\n-1.0 1.0 \(log10(10.0))\n-1.0 2.0 \(log10(20.0))\n\n0.0 0.0 0.0\n"), script)
        XCTAssertNotEqual(bands.defaultSize, lines.defaultSize)
    }

    func testBalanceSharesCostAndKeepsOrder() {
        XCTAssertEqual(FigureRenderer.balance([1, 1, 20, 1, 20, 1], into: 2), [[0, 2, 3], [1, 4, 5]])
        XCTAssertEqual(FigureRenderer.balance([1], into: 2), [[0]])
        XCTAssertEqual(FigureRenderer.balance([1, 1, 1], into: 1), [[0, 1, 2]])
    }
}
