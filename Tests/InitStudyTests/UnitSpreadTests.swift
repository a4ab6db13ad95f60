import XCTest
import NNEngine
@testable import InitStudy

/// The spread across a layer's units: the largest range of one input's row.
final class UnitSpreadTests: XCTestCase {
    func testUnitSpreadIsTheLargestRowRange() {
        let h = Tensor(matrix: [[1, 4, -2], [0, 0.5, 0.25], [-3, 3, 0]])
        XCTAssertEqual(InitStudy.unitSpread(h), 6)
        XCTAssertEqual(InitStudy.unitSpread(Tensor(zeros: [0, 4])), 0)
        XCTAssertTrue(InitStudy.unitSpread(Tensor(matrix: [[1, 2], [.nan, 0]])).isNaN, "a NaN anywhere, not just in the first row")
    }
}
