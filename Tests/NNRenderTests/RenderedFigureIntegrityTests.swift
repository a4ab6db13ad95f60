import Foundation
import LabTestSupport
import NNFiles
import XCTest
@testable import NNRender

/// Every figure format gnuplot writes passes `FigureIntegrity`, and every truncation of it fails.
final class RenderedFigureIntegrityTests: XCTestCase {
    func testRenderedFiguresPassAndTheirTruncationsFail() throws {
        let folder = try makeTemporaryFolder("render")
        for format in FigureFormat.allCases {
            let renderer = FigureRenderer(format: format, size: FigureSize(width: 300, height: 200))
            let url = renderer.url(for: "figure", in: folder)
            try renderer.render([(FigureRendererTests.linePlot, url)])
            XCTAssertNil(FigureIntegrity.problem(with: url), "\(format)")
            let data = try Data(contentsOf: url)
            let cut = folder.appendingPathComponent("cut.\(format.fileExtension)")
            for fraction in [0.0, 0.25, 0.5, 0.9, 0.999] {
                try data.prefix(Int(Double(data.count) * fraction)).write(to: cut)
                XCTAssertNotNil(FigureIntegrity.problem(with: cut), "\(format) cut to \(fraction) passed")
            }
        }
    }
}
