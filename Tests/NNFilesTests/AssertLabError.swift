import NNEngine
import XCTest

/// Fails unless `expression` throws a one-line `LabError` whose message contains every fragment.
func assertLabError<T>(_ expression: @autoclosure () throws -> T, contains fragments: [String],
                       file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let error = error as? LabError else { return XCTFail("\(error) is not a LabError", file: file, line: line) }
        XCTAssertFalse(error.message.contains("\n"), "message has several lines: \(error.message)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", file: file, line: line)
        }
    }
}
