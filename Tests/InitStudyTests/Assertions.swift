import XCTest

/// Fails unless `|observed − expected| ≤ tolerance`, printing expected, observed and the relative error.
func assertWithin(_ observed: Double, _ expected: Double, tolerance: Double, _ what: @autoclosure () -> String = "",
                  file: StaticString = #filePath, line: UInt = #line) {
    let deviation = abs(observed - expected)
    let relative = deviation / max(abs(observed), abs(expected), .leastNormalMagnitude)
    let report = "\(what()): expected \(expected), observed \(observed), relative error \(relative), tolerance ±\(tolerance)"
    print(report)
    XCTAssert(deviation <= tolerance, report, file: file, line: line)
}
