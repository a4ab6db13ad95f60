@testable import lab
import XCTest

/// The text of the progress line that batch grading and the dropout lab draw on a terminal.
final class ProgressLineTests: XCTestCase {
    func testLineRedrawsInPlaceWithTheElapsedTime() {
        XCTAssertEqual(ProgressLine.text("graded 3/40", elapsed: 2.04), "\r\u{1B}[K[  2.0 s] graded 3/40")
        XCTAssertEqual(ProgressLine.text("graded 40/40", elapsed: 75.26), "\r\u{1B}[K[ 75.3 s] graded 40/40")
    }

    func testTimeKeepsItsWidthSoTheMessageDoesNotMove() {
        let lengths = [0, 9.96, 99.9, 999.9].map { ProgressLine.text("graded 1/2", elapsed: $0).count }
        XCTAssertEqual(Set(lengths).count, 1, "\(lengths)")
    }
}
