import Foundation
import NNEngine
import XCTest
@testable import Grading

/// results.json carries Gradescope's fields with the right types and consistent totals.
final class GradescopeResultsTests: XCTestCase {
    func testFieldsAndTotals() throws {
        let exercise = DropoutExercise()
        let key = CourseKey.practice
        let student = try StudentID("erin")
        let inputs = Grader.problem(exercise, student: student, key: key)
        var answers = exercise.reference(for: inputs)
        answers["dx"] = nil
        answers["out"] = answers.require("out") * 1.001
        let reference = exercise.reference(for: inputs)
        let submission = Submission.parse(Array(Submission.json(answers).utf8),
                                          expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        let report = Grader().grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
        let data = try JSONEncoder().encode(GradescopeResults(report))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["score"] as? Double, report.score)
        XCTAssertEqual(object["visibility"] as? String, "visible")
        let tests = try XCTUnwrap(object["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, exercise.outputs.count)
        var total = 0.0
        for test in tests {
            for field in ["name", "status", "output", "visibility"] { XCTAssertNotNil(test[field] as? String, field) }
            let (score, maxScore) = (try XCTUnwrap(test["score"] as? Double), try XCTUnwrap(test["max_score"] as? Double))
            XCTAssert((0...maxScore).contains(score))
            XCTAssertTrue(["passed", "failed"].contains(test["status"] as? String))
            total += score
        }
        XCTAssertEqual(total, report.score, accuracy: 1e-9)
        XCTAssertEqual(tests[0]["status"] as? String, "failed")
        XCTAssertEqual(object["score"] as? Double, 2, "out is in the uncomfortable band (half of 2), dx missing (0), test_out full (1)")
        XCTAssertTrue((tests[1]["output"] as? String)?.contains("missing key \"dx\"") ?? false)
        // Reference values stay hidden unless the course allows them.
        XCTAssertFalse((tests[0]["output"] as? String)?.contains("reference") ?? true)
        let revealing = Grader(course: CourseFile(), revealsReference: true)
            .grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
        XCTAssertTrue(GradescopeResults(revealing).tests[0].output.contains("reference"))
    }

    func testCourseFileBandsAndDeadline() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-course-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"bands": [{"maxRelativeError": 1e-6, "credit": 1, "label": "strict"}], "deadline": "2020-01-01T00:00:00Z", "revealReferenceAfterDeadline": true}"#.utf8).write(to: url)
        let course = try CourseFile(contentsOf: url)
        XCTAssertEqual(course.bands.count, 1)
        XCTAssertEqual(course.elementFloor, 1e-3)
        XCTAssertTrue(course.revealsReference(at: Date()))
        XCTAssertFalse(course.revealsReference(at: Date(timeIntervalSince1970: 0)))
        try Data(#"{"bands": [{"maxRelativeError": -1, "credit": 1, "label": "x"}]}"#.utf8).write(to: url)
        XCTAssertThrowsError(try CourseFile(contentsOf: url))
        XCTAssertEqual(ScoreBand.band(for: 5e-5, in: ScoreBand.lectureDefaults)?.credit, 1)
        XCTAssertEqual(ScoreBand.band(for: 5e-3, in: ScoreBand.lectureDefaults)?.credit, 0.5)
        XCTAssertNil(ScoreBand.band(for: .nan, in: ScoreBand.lectureDefaults))
        XCTAssertNil(ScoreBand.band(for: 0.5, in: ScoreBand.lectureDefaults))
    }
}

extension GradescopeResultsTests {
    /// feedback.json carries reference values only when the course reveals them.
    func testFeedbackDataWithholdsTheReference() throws {
        let exercise = AffineBackwardExercise()
        let student = try StudentID("fay")
        let inputs = Grader.problem(exercise, student: student, key: .practice)
        let reference = exercise.reference(for: inputs)
        let submission = Submission.parse(Array(Submission.json(reference).utf8),
                                          expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        for reveal in [false, true] {
            let report = Grader(revealsReference: reveal).grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
            let data = FeedbackFigure.make(report, exercise: exercise).data
            XCTAssertEqual(data.referenceWithheld, !reveal)
            XCTAssertEqual(data.series.allSatisfy { $0.reference.isEmpty }, !reveal)
            XCTAssertEqual(data.series.map(\.name), ["dx", "dW", "db"])
            // Withheld, the picture is the band of each element (whole numbers), not a scatter of values.
            XCTAssertEqual(data.kind, reveal ? "scatter" : "bands")
            if !reveal { XCTAssertTrue(data.series.allSatisfy { $0.band?.allSatisfy { $0 == 0 } == true }) }
        }
    }
}
