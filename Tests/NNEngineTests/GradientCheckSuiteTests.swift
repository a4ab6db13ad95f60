import NNEngine
import XCTest

final class GradientCheckSuiteTests: XCTestCase {
    func testEveryLayerLossAndRegularizerIsWithinItsBand() {
        let rows = GradientCheckSuite.run(seed: 3)
        XCTAssertGreaterThanOrEqual(rows.count, 44)
        for row in rows {
            let floor: GradientCheck.Band = row.hasKinks ? .fineWithKinks : .happy
            XCTAssertGreaterThanOrEqual(row.report.band, floor, "\(row.name) ∂\(row.parameter): \(row.report)")
        }
        for name in ["affine", "activation relu", "prelu", "maxout (k=3)", "dropout inverted p=0.6", "dropout vanilla p=0.6",
                     "batch norm (training)", "loss softmax-ce", "loss hinge Δ=1", "loss mse", "loss l1", "loss bce-with-logits",
                     "loss hinge Δ=0", "loss label smoothing ε=0.4", "loss bce-with-logits, targets 0/1", "sigmoid output + mse",
                     "activation gelu, tails z ∈ {±4, ±9, −20}", "regularizer elastic net, smooth part (proximal step)",
                     "mlp 2-2-1 sigmoid, mse"] {
            XCTAssert(rows.contains { $0.name == name }, "\(name) is checked")
        }
    }
}
