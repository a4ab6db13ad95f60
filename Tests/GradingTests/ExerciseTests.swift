import Foundation
import NNEngine
import NNFiles
import NNRender
import XCTest
@testable import Grading

/// For every exercise: the reference scores 100% (also in float32), each typical mistake scores
/// less and is named, two students get different problems, and grading is deterministic.
final class ExerciseTests: XCTestCase {
    let key = CourseKey(bytes: Array("test-course-key".utf8))
    let grader = Grader()

    func grade(_ exercise: any Exercise, _ student: StudentID, _ text: String) -> GradeReport {
        let inputs = Grader.problem(exercise, student: student, key: key)
        let reference = exercise.reference(for: inputs)
        let submission = Submission.parse(Array(text.utf8), expecting: Grader.expectedShapes(exercise, reference: reference),
                                          course: grader.course)
        return grader.grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
    }

    func testCatalogHasTenExercisesWithUniqueNames() {
        XCTAssertGreaterThanOrEqual(ExerciseCatalog.all.count, 10)
        XCTAssertEqual(Set(ExerciseCatalog.all.map(\.name)).count, ExerciseCatalog.all.count)
        XCTAssertThrowsError(try ExerciseCatalog.named("nope"))
    }

    func testReferenceScoresFullMarksInFloat64AndFloat32() throws {
        for exercise in ExerciseCatalog.all {
            for name in ["alice", "bob", "s-0042"] {
                let student = try StudentID(name)
                let reference = exercise.reference(for: Grader.problem(exercise, student: student, key: key))
                let report = grade(exercise, student, Submission.json(reference))
                XCTAssertEqual(report.score, exercise.points, "\(exercise.name)/\(name): \(FeedbackText.summary(report))")
                XCTAssertTrue(report.tests.allSatisfy { $0.finding == nil }, exercise.name)
                guard exercise.name != "numerical-gradient" else { continue } // float32 cannot do that method
                let single = grade(exercise, student, Submission.float32JSON(reference))
                XCTAssertEqual(single.score, exercise.points, "float32 \(exercise.name)/\(name): \(FeedbackText.summary(single))")
            }
        }
    }

    func testEveryMistakeScoresLessWithItsHint() throws {
        let student = try StudentID("alice")
        for exercise in ExerciseCatalog.all {
            let inputs = Grader.problem(exercise, student: student, key: key)
            let reference = exercise.reference(for: inputs)
            let mistakes = exercise.mistakes(for: inputs)
            XCTAssertGreaterThanOrEqual(mistakes.count, 2, exercise.name)
            for mistake in mistakes {
                let report = grade(exercise, student, Submission.json(reference.merging(mistake.answers)))
                XCTAssertLessThan(report.score, exercise.points, "\(exercise.name): '\(mistake.hint)' earned full marks")
                let hints = report.tests.compactMap { $0.finding?.hint }
                XCTAssertTrue(hints.contains(mistake.hint), "\(exercise.name): expected hint '\(mistake.hint)', got \(hints)")
                // Only the outputs the mistake changes lose points.
                for test in report.tests where mistake.answers[test.key] == nil {
                    XCTAssertEqual(test.score, test.maxScore, "\(exercise.name): \(test.key) lost points for '\(mistake.hint)'")
                }
            }
        }
    }

    func testGenericDetectorsNameFactorSignAndShape() throws {
        let student = try StudentID("carol")
        let exercise = AffineBackwardExercise()
        let reference = exercise.reference(for: Grader.problem(exercise, student: student, key: key))
        var wrong = reference
        wrong["dx"] = reference.require("dx") * 3
        wrong["dW"] = -reference.require("dW")
        wrong["db"] = Tensor(shape: [1, reference.require("db").count], scalars: reference.require("db").scalars)
        let report = grade(exercise, student, Submission.json(wrong))
        let findings = Dictionary(uniqueKeysWithValues: report.tests.map { ($0.key, $0.finding) })
        XCTAssertEqual(findings["dx"]??.kind, .constantFactor)
        XCTAssertTrue(findings["dx"]??.hint.contains("factor of 3") ?? false, "\(String(describing: findings["dx"]))")
        XCTAssertEqual(findings["dW"]??.kind, .wrongSign)
        XCTAssertEqual(findings["db"]??.kind, .wrongShape)
        XCTAssertEqual(report.tests.first { $0.key == "db" }?.problem?.contains("expected [\(reference.require("db").count)], got [1, \(reference.require("db").count)]"), true)
    }

    func testStudentsGetDifferentProblemsAndTheSameStudentTheSameOne() throws {
        let (alice, bob) = (try StudentID("alice"), try StudentID("bob"))
        let otherKey = CourseKey(bytes: Array("another-course".utf8))
        for exercise in ExerciseCatalog.all {
            let a = Grader.problem(exercise, student: alice, key: key)
            XCTAssertEqual(a, Grader.problem(exercise, student: alice, key: key), exercise.name)
            XCTAssertNotEqual(exercise.reference(for: a), exercise.reference(for: Grader.problem(exercise, student: bob, key: key)), exercise.name)
            XCTAssertNotEqual(a, Grader.problem(exercise, student: alice, key: otherKey), exercise.name)
            // Another student's answers do not pass.
            let copied = grade(exercise, bob, Submission.json(exercise.reference(for: a)))
            XCTAssertLessThan(copied.score, exercise.points, "\(exercise.name): copying alice's answers passes for bob")
        }
    }

    func testGradingIsDeterministic() throws {
        let student = try StudentID("dave")
        for exercise in ExerciseCatalog.all {
            let inputs = Grader.problem(exercise, student: student, key: key)
            let mistake = exercise.mistakes(for: inputs)[0]
            let text = Submission.json(exercise.reference(for: inputs).merging(mistake.answers))
            let encode = { try JSONOutput.encoder().encode(GradescopeResults(self.grade(exercise, student, text))) }
            XCTAssertEqual(try encode(), try encode(), exercise.name)
            XCTAssertEqual(FeedbackText.markdown(grade(exercise, student, text), exercise: exercise),
                           FeedbackText.markdown(grade(exercise, student, text), exercise: exercise))
        }
    }

    func testLectureValues() throws {
        // The 003 deck's worked hinge example and the log C sanity check.
        let svm = SVMLossExercise()
        let losses = svm.reference(for: Grader.problem(svm, student: try StudentID("x"), key: key)).require("example_losses")
        for (got, expected) in zip(losses.scalars, [1.9, 0.0, 10.9]) { XCTAssertEqual(got, expected, accuracy: 1e-12) }
        let softmax = SoftmaxLossExercise()
        let inputs = Grader.problem(softmax, student: try StudentID("x"), key: key)
        XCTAssertEqual(softmax.reference(for: inputs).scalar("initial_loss"), log(Double(inputs.require("scores").shape[1])), accuracy: 1e-12)
        // The numerical gradient matches the analytic one to the method's accuracy.
        let numerical = NumericalGradientExercise()
        let p = Grader.problem(numerical, student: try StudentID("x"), key: key)
        let scores = Tensor.matmul(p.require("x"), p.require("W"))
        let analytic = Tensor.matmul(p.require("x"), Loss.softmaxCrossEntropy(scores, labels: p.integers("y")).gradient, transposeA: true)
        XCTAssertLessThan(RelativeError.value(numerical.reference(for: p).require("grad"), analytic, floor: 0), 1e-7)
    }
}
