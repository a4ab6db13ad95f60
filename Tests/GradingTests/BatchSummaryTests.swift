import NNEngine
import XCTest
@testable import Grading

/// The line a batch run ends with.
final class BatchSummaryTests: XCTestCase {
    func entry(_ score: Double, unreadable: Bool = false, writeError: Bool = false) throws -> BatchGrading.Entry {
        BatchGrading.Entry(student: try StudentID("s\(Int(score * 10))"), score: score, maxScore: 4, testScores: [score],
                           error: writeError ? "disk full" : nil, submissionError: unreadable ? "no file" : nil)
    }

    func testCountsAndMean() throws {
        let summary = BatchSummary([try entry(4), try entry(2), try entry(0, unreadable: true), try entry(4, writeError: true)])
        XCTAssertEqual(summary, BatchSummary(students: 4, meanScore: 2.5, fullMarks: 2, unreadableSubmissions: 1, feedbackWriteErrors: 1))
        XCTAssertEqual(summary.line(exercise: try ExerciseCatalog.named("svm-loss")),
                       "graded 4 students on svm-loss: mean 2.50/4, 2 with full marks, 1 unreadable submissions, 1 feedback write errors")
    }
}
