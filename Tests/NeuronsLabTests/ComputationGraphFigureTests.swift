import Foundation
@testable import NeuronsLab
import NNRender
import XCTest

/// The backprop graph keeps the slide rule: the only font it sets (the node names, larger than the
/// rest) measures 14 pt or more on a 1080p slide; every other text is the terminal's slide font.
final class ComputationGraphFigureTests: XCTestCase {
    func testEveryFontMeasuresFourteenPointsOnASlide() throws {
        let graph = ComputationGraphFigure(title: "t", nodes: [.init(x: 0, y: 0, name: "x", value: 1, delta: 0.5), .init(x: 2, y: 0, name: "y", value: 2, delta: 1)],
                                           edges: [.init(from: 0, to: 1, label: "w 1\n∂ 0.5", at: 0.5)], footer: "f")
        let size = graph.defaultSize
        let script = graph.gnuplotCommands(prefix: "f0_")
        let pattern = try NSRegularExpression(pattern: #"font \"[^\",]*,([0-9.]+)\""#)
        let sizes = pattern.matches(in: script, range: NSRange(script.startIndex..., in: script)).compactMap {
            Range($0.range(at: 1), in: script).flatMap { Double(script[$0]) }
        }
        XCTAssertEqual(sizes.count, 2, "only the node names set a font of their own (one per node)")
        for points in sizes {
            XCTAssertGreaterThanOrEqual(size.slidePoints(points), FigureSize.minimumSlidePoints, "\(points) pt at \(size)")
        }
    }
}
