import LabTestSupport
import XCTest

/// `lab list` names every lab once, in the order of the lectures, which is also the order in
/// which `lab all` runs them.
final class LabListTests: XCTestCase {
    static let lectureOrder = ["neurons", "losses", "init-study", "optimizers", "babysit", "normalize", "regularize",
                               "dropout", "search", "augment", "grading"]

    func testListShowsEveryLabInLectureOrder() throws {
        try requireLabBinary()
        let run = try LabBinary.run(["list"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.map { String($0.prefix { $0 != " " }) }, Self.lectureOrder)
        // Every line carries the lab's one-line summary after its name.
        for line in lines { XCTAssertGreaterThan(line.split(separator: " ", omittingEmptySubsequences: true).count, 3, String(line)) }
    }
}
