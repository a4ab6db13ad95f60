import NNEngine
import XCTest

final class GradientCheckSuiteTests: XCTestCase {
    func testEveryLayerLossAndRegularizerIsWithinItsBand() {
        let rows = GradientCheckSuite.run(seed: 3)
        XCTAssertGreaterThanOrEqual(rows.count, 30)
        for row in rows {
            let floor: GradientCheck.Band = row.hasKinks ? .fineWithKinks : .happy
            XCTAssertGreaterThanOrEqual(row.report.band, floor, "\(row.name) ∂\(row.parameter): \(row.report)")
        }
        for name in ["affine", "activation relu", "prelu", "maxout (k=3)", "dropout inverted p=0.6", "dropout vanilla p=0.6",
                     "batch norm (training)", "loss softmax-ce", "loss hinge Δ=1", "loss mse", "loss l1", "loss bce-with-logits"] {
            XCTAssert(rows.contains { $0.name == name }, "\(name) is checked")
        }
    }
}
