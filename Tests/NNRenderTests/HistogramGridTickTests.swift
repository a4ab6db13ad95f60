import Foundation
import NNEngine
import XCTest
@testable import NNRender

/// Histogram grids space their tick labels by the pixels a panel gets: a free text height between
/// two y labels, two characters between two x labels, at the default size and at a small `--size`.
final class HistogramGridTickTests: XCTestCase {
    /// A ReLU-like layer: half its values at 0 (a cut spike), the rest spread over 0…4.8.
    static let relu: Histogram = {
        let values: [Double] = (0..<2000).map { (i: Int) -> Double in
            if i % 2 == 0 { return 0 }
            let a = Double(i % 97) / 97, b = Double(i % 89) / 89
            return 4.8 * a * b
        }
        return Histogram(values, bins: 60, lower: 0, upper: 4.8)
    }()
    /// A gradient-like bell over a wide x range.
    static let bell: Histogram = {
        let values: [Double] = (0..<4000).map { (i: Int) -> Double in
            let wave = sin(Double(i)), scale = Double(i % 13) / 130
            return 30 * wave * scale
        }
        return Histogram(values, bins: 200, lower: -33, upper: 33)
    }()

    static func grid(_ histogram: Histogram, count: Int, columns: Int? = nil, sharedY: Bool = false, xLabel: String = "h") -> HistogramGrid {
        HistogramGrid(title: "a figure title long enough to take one line\nand a second line", xLabel: xLabel,
                      panels: (1...count).map { .init(title: "layer \($0)\nmean 0.5  std 0.8", histogram: histogram) },
                      columns: columns, sharedY: sharedY)
    }

    /// The numbers of every `set <axis>tics <number>` line, in order.
    static func steps(_ axis: String, in script: String) -> [Double] {
        script.split(separator: "\n").compactMap { line in
            line.hasPrefix("set \(axis)tics ") ? Double(line.dropFirst("set \(axis)tics ".count)) : nil
        }
    }

    func testTickLabelsKeepATextHeightApartAtTheDefaultAndASmallSize() throws {
        let grids = [("init-study 2×3", Self.grid(Self.relu, count: 6)), ("gradients 2×3", Self.grid(Self.bell, count: 6)),
                     ("babysit 2×4, shared y", Self.grid(Self.relu, count: 8, columns: 4, sharedY: true, xLabel: "")),
                     ("one panel", Self.grid(Self.bell, count: 1))]
        for (name, grid) in grids {
            for size in [grid.defaultSize, FigureSize(width: 800, height: 600), FigureSize(width: 400, height: 300)] {
                let script = FigureSize.$current.withValue(size) { grid.gnuplotCommands(prefix: "f0_") }
                let box = grid.panelBox(at: size)
                let ySteps = Self.steps("y", in: script)
                XCTAssertEqual(ySteps.count, grid.panels.count, "\(name) at \(size): a y step per panel")
                for (panel, step) in zip(grid.panels, ySteps) {
                    let ticks = grid.yTicks(panel, shared: grid.sharedYRange, intervals: HistogramGrid.maxYIntervals(box))
                    // gnuplot extends an autoscaled axis to the next tick; a cut or shared axis
                    // ends at its top, with fewer intervals.
                    let intervals = (ticks.top / step * (1 - 1e-9)).rounded(.up)
                    let spacing = box.height / intervals
                    if HistogramGrid.maxYIntervals(box) > 1 {
                        XCTAssertGreaterThanOrEqual(spacing, 2 * box.textHeight, "\(name) at \(size): y labels \(step) apart on 0…\(ticks.top)")
                    }
                    // Not sparser than needed: the next smaller round step would crowd the panel.
                    let smaller = HistogramGrid.roundSteps(from: step / 10).last { $0 < step * (1 - 1e-9) }!
                    XCTAssertGreaterThan((ticks.top / smaller * (1 - 1e-9)).rounded(.up), Double(HistogramGrid.maxYIntervals(box)),
                                         "\(name) at \(size): \(smaller) would also have fitted")
                }
                // x: two labels at least, at multiples of the step, each its width and two
                // characters apart in the plot width left beside the widest y label; where the
                // panel is too narrow for that (2×4 at 800×600), at least not touching.
                let xStep = try XCTUnwrap(Self.steps("x", in: script).first, "\(name): an x step")
                let range: ClosedRange<Double> = try XCTUnwrap(grid.panelXRange)
                let labels = stride(from: (range.lowerBound / xStep).rounded(.up), through: (range.upperBound / xStep).rounded(.down), by: 1)
                    .map { HistogramGrid.tickLabel($0 * xStep).count }
                XCTAssertGreaterThanOrEqual(labels.count, 2, "\(name) at \(size): at least two x labels")
                guard size.width >= 800 else { continue }
                let yCharacters = zip(grid.panels, ySteps).map { panel, step in
                    HistogramGrid.yLabelCharacters(top: grid.yTicks(panel, shared: grid.sharedYRange, intervals: HistogramGrid.maxYIntervals(box)).top, step: step)
                }.max()!
                let width = grid.panelBox(at: size, yLabelCharacters: yCharacters).width
                let gap = width * xStep / (range.upperBound - range.lowerBound) - Double(labels.max()!) * box.characterWidth
                XCTAssertGreaterThanOrEqual(gap, (size == grid.defaultSize ? 2 : 0) * box.characterWidth,
                                            "\(name) at \(size): x labels \(xStep) apart on \(range)")
            }
        }
    }

    /// The cases the lab figures showed: six ReLU panels at 1500×960 (the init study) crowded
    /// 0, 0.005 … 0.03 on y and "0 0.5 1 1.5 …" on x; now 0.01 and 2 apart.
    func testTheInitStudysReLUPanels() {
        let grid = Self.grid(Self.relu, count: 6)
        XCTAssertEqual(grid.defaultSize, FigureSize(width: 1500, height: 960))
        let box = grid.panelBox(at: grid.defaultSize)
        // gnuplot 5.4 drew the init study's panels (the same titles' lines and x label) 237 pixels
        // high and 331 wide at 19 pt, beside y labels of four characters (measured on the PNG):
        // the estimate must not exceed them.
        XCTAssertLessThanOrEqual(box.height, 237)
        XCTAssertLessThanOrEqual(box.width, 331)
        XCTAssertEqual(HistogramGrid.maxYIntervals(box), 4)
        XCTAssertEqual(HistogramGrid.yStep(top: 0.033, intervals: 4), 0.01)
        XCTAssertEqual(HistogramGrid.yStep(top: 0.4, intervals: 4), 0.1)
        XCTAssertEqual(HistogramGrid.yStep(top: 0.41, intervals: 4), 0.2)
        XCTAssertEqual(HistogramGrid.xStep(range: 0...4.8, box: box), 2)
        // A log axis over eight decades with room for three labels: a tick every 1000×.
        XCTAssertEqual(HistogramGrid.logStep(bottom: 1e-8, intervals: 3), 1000)
        XCTAssertEqual(HistogramGrid.logStep(bottom: 1e-3, intervals: 4), 10)
    }
}
