import Foundation
import NNEngine
import XCTest
@testable import NNRender

/// A cut bar's note fits its panel: the full "← bar cut: NN%" where there is room, else left of
/// the bar, else shorter, measured with the tick labels' character width.
final class HistogramGridCutNoteTests: XCTestCase {
    /// A panel 300 pixels wide, 340 beside the y axis, 12-pixel characters: the full note and a
    /// character of offset take 15 × 12 = 180 pixels, the short one 10 × 12, "52%" 4 × 12.
    func testTheNoteTakesTheFirstFormThatFits() {
        let box = HistogramGrid.PanelBox(height: 200, width: 300, textHeight: 20, characterWidth: 12, besideAxis: 340)
        func note(_ position: Double, _ box: HistogramGrid.PanelBox = box) -> HistogramGrid.CutNote? {
            HistogramGrid.cutNote(percent: "52%", position: position, box: box)
        }
        XCTAssertEqual(note(0), .init(text: "← bar cut: 52%", rightOfBar: true), "340 pixels on the right")
        XCTAssertEqual(note(0.47), .init(text: "← bar cut: 52%", rightOfBar: true), "180.2 on the right")
        XCTAssertEqual(note(0.6), .init(text: "bar cut: 52% →", rightOfBar: false), "136 right, 180 left")
        let narrow = HistogramGrid.PanelBox(height: 200, width: 100, textHeight: 20, characterWidth: 12, besideAxis: 130)
        XCTAssertEqual(note(0, narrow), .init(text: "← cut 52%", rightOfBar: true), "130 right")
        XCTAssertEqual(note(0.95, narrow), .init(text: "52%", rightOfBar: false), "6.5 right, 95 left")
        XCTAssertEqual(note(0.5, narrow), .init(text: "52%", rightOfBar: true), "65 right, 50 left")
        let tiny = HistogramGrid.PanelBox(height: 200, width: 10, textHeight: 20, characterWidth: 12, besideAxis: 40)
        XCTAssertNil(note(0.5, tiny), "20 right, 5 left: no room for 48")
    }

    /// The labs' grids at their default size and at small `--size`s: every cut bar has a note
    /// (but in five columns at 800 pixels or less),
    /// and the note's estimated width ends inside its column (right of the bar) or inside the
    /// plot area (left of it). At 800×600 the babysit grid's 200-pixel columns take the short note,
    /// where the full one ran past the image's right edge.
    func testEveryCutBarsNoteFitsItsPanel() throws {
        let relu = HistogramGridTickTests.relu
        // A spike in the middle, as an L1 penalty's exact zeros.
        let middle = Histogram((0..<2000).map { i in i % 2 == 0 ? 0 : 0.5 * sin(Double(i)) }, bins: 81, lower: -0.5, upper: 0.5)
        let grids = [("init-study 2×3", HistogramGridTickTests.grid(relu, count: 6)),
                     ("babysit 2×4, shared y", HistogramGridTickTests.grid(relu, count: 8, columns: 4, sharedY: true, xLabel: "")),
                     ("regularize 1×5, shared y", HistogramGridTickTests.grid(middle, count: 5, columns: 5, sharedY: true))]
        for (name, grid) in grids {
            for size in [grid.defaultSize, FigureSize(width: 1920, height: 800), FigureSize(width: 800, height: 600), FigureSize(width: 400, height: 300)] {
                let script = FigureSize.$current.withValue(size) { grid.gnuplotCommands(prefix: "f0_") }
                let labels = script.split(separator: "\n").filter { $0.hasPrefix("set label 1 ") }
                // Five columns in 800 pixels leave a plot area of about 24 pixels: no room for "50%"
                // beside a bar in its middle.
                let crowded = name.hasPrefix("regularize") && size.width <= 800
                XCTAssertEqual(labels.count, crowded ? 0 : grid.panels.count, "\(name) at \(size): every cut bar's note\n\(script)")
                let range = try XCTUnwrap(grid.panelXRange)
                let yCharacters = grid.panels.map { panel -> Int in
                    let ticks = grid.yTicks(panel, shared: grid.sharedYRange, intervals: HistogramGrid.maxYIntervals(grid.panelBox(at: size)))
                    return HistogramGrid.yLabelCharacters(top: ticks.top, step: ticks.step)
                }.max()!
                let box = grid.panelBox(at: size, yLabelCharacters: yCharacters)
                XCTAssertLessThan(box.width, box.besideAxis, "the column's right margin is beside the plot area")
                for label in labels {
                    let text = String(label.split(separator: "'")[1])
                    let x = try XCTUnwrap(Double(label.components(separatedBy: "at first ")[1].split(separator: ",")[0]))
                    let position = (x - range.lowerBound) / (range.upperBound - range.lowerBound)
                    let right = label.contains(" left offset 1,0 ")
                    XCTAssertTrue(right || label.contains(" right offset -1,0 "), String(label))
                    let room = right ? (1 - position) * box.besideAxis : position * box.width
                    XCTAssertLessThanOrEqual(Double(text.count + 1) * box.characterWidth, room, "\(name) at \(size): '\(text)'")
                    if name.hasPrefix("babysit"), size == FigureSize(width: 800, height: 600) {
                        XCTAssertEqual(text, "← cut 55%", "\(name) at \(size)")
                    }
                }
            }
        }
    }
}
