import XCTest
import NNEngine
@testable import InitStudy

/// The one-pass row range must give exactly what `row.max - row.min` gave, bit for bit, so the
/// study's JSON does not change: NaN rows, signed zeros (first of a tie kept), single elements.
final class UnitSpreadTests: XCTestCase {
    func testRangeEqualsMaxMinusMinBitForBit() {
        let rows: [[Double]] = [
            [3, -1, 2.5, 7, -4], [0.0, -0.0], [-0.0, 0.0], [-0.0, -0.0, 0.0], [5], [1, .nan, 2],
            [.nan], [-.infinity, 1], [2, 2, 2], [1e-300, -1e-300, 0],
            // Past the eight lanes: a tail, ±0 ties across lanes, a NaN in a lane and in the tail.
            (0..<21).map { Double(($0 * 7) % 11) - 5 }, [0.0] + [Double](repeating: -0.0, count: 17),
            [-0.0] + [Double](repeating: 0.0, count: 9) + [-0.0], (0..<16).map { $0 == 9 ? .nan : Double($0) },
            (0..<19).map { $0 == 17 ? .nan : Double($0) }, (0..<24).map { $0 % 8 == 3 ? 0.0 : 1.0 },
            (0..<24).map { -Double($0 % 5) },
        ]
        for row in rows {
            let tensor = Tensor(row)
            let expected = tensor.max - tensor.min
            let got = row.withUnsafeBufferPointer { InitStudy.range(of: $0) }
            XCTAssertEqual(got.bitPattern, expected.bitPattern, "row \(row): \(got) vs \(expected)")
        }
        XCTAssertTrue(InitStudy.range(of: UnsafeBufferPointer(start: nil, count: 0)).isNaN)
    }

    func testUnitSpreadIsTheLargestRowRange() {
        let h = Tensor(matrix: [[1, 4, -2], [0, 0.5, 0.25], [-3, 3, 0]])
        XCTAssertEqual(InitStudy.unitSpread(h), 6)
        XCTAssertEqual(InitStudy.unitSpread(Tensor(zeros: [0, 4])), 0)
    }
}
