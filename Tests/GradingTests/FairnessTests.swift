import Foundation
import NNEngine
import XCTest
@testable import Grading

/// The same mistake costs every student the same, and what a student computed is what is graded.
final class FairnessTests: XCTestCase {
    let key = CourseKey(bytes: Array("fairness-key".utf8))
    let students = (1...150).map { try! StudentID(String(format: "s%03d", $0)) }

    func grade(_ exercise: any Exercise, _ student: StudentID, _ answers: (NamedArrays, NamedArrays) -> NamedArrays) -> GradeReport {
        let inputs = Grader.problem(exercise, student: student, key: key)
        let reference = exercise.reference(for: inputs)
        let text = Submission.json(answers(inputs, reference))
        let submission = Submission.parse(Array(text.utf8), expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        return Grader().grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
    }

    func testEachRecognizedMistakeCostsTheSameForEveryStudent() throws {
        for exercise in ExerciseCatalog.all {
            let count = exercise.mistakes(for: Grader.problem(exercise, student: students[0], key: key)).count
            for m in 0..<count {
                var scores: [Double: [String]] = [:]
                var hint = ""
                for student in students {
                    let inputs = Grader.problem(exercise, student: student, key: key)
                    let reference = exercise.reference(for: inputs)
                    let mistake = exercise.mistakes(for: inputs)[m]
                    // For some problems a "mistake" gives the right answer (dropout's p read as the drop
                    // probability when p = 0.5): nothing to recognize there.
                    if mistake.answers.entries.allSatisfy({ $0.value == reference[$0.name] }) { continue }
                    let report = grade(exercise, student) { _, r in r.merging(mistake.answers) }
                    XCTAssertTrue(report.tests.contains { $0.finding?.hint == mistake.hint },
                                  "\(exercise.name) \(student): '\(mistake.hint)' not recognized: \(report.tests.compactMap { $0.finding?.hint })")
                    scores[report.score, default: []].append(student.value)
                    hint = mistake.hint
                }
                XCTAssertEqual(scores.count, 1, "\(exercise.name) '\(hint)' costs different students differently: "
                               + scores.map { "\($0.key) for \($0.value.count) (\($0.value.prefix(3).joined(separator: ", ")))" }.joined(separator: "; "))
                print("\(exercise.name): '\(hint.prefix(50))' scores \(scores.keys.map(FeedbackText.points)) of \(FeedbackText.points(exercise.points))")
            }
        }
    }

    func testOptimizerThatNeverMovesScoresNothing() throws {
        let exercise = OptimizerStepsExercise()
        for student in students {
            // w0 repeated after every step: parameters within ~1e-3 of the answer, but no displacement at all.
            let report = grade(exercise, student) { inputs, reference in
                let w0 = inputs.require("w0")
                var still = NamedArrays()
                for entry in reference.entries {
                    still[entry.name] = Tensor(shape: entry.value.shape, scalars: (0..<entry.value.shape[0]).flatMap { _ in w0.scalars })
                }
                return still
            }
            XCTAssertEqual(report.score, 0, "\(student): \(FeedbackText.summary(report))")
        }
    }

    func testSVMExampleIsGradedWithTheStatedMargin() throws {
        let exercise = SVMLossExercise()
        var stated: Set<Double> = []
        for student in students.prefix(40) {
            let inputs = Grader.problem(exercise, student: student, key: key)
            let delta = inputs.scalar("example_delta")
            stated.insert(delta)
            let expected: [Double] = delta == 0 ? [1.9, 0, 10.9] : [2.9, 0, 12.9]
            let losses = exercise.reference(for: inputs).require("example_losses").scalars
            for (e, o) in zip(expected, losses) {
                XCTAssertEqual(o, e, accuracy: 1e-12, "Δ = \(delta): expected \(e), observed \(o), relative error \(abs(o - e) / max(abs(e), 1e-300))")
            }
        }
        XCTAssertEqual(stated, [0, 1], "both conventions are posed")
    }

    func testRelativeErrorIsTheLecturesMeasure() {
        // |a − n| / max(|a|, |n|): 1.0 against 1.1 is 0.1/1.1, not CS231n's 0.1/2.1.
        let e = RelativeError.value(Tensor([1.0]), Tensor([1.1]), floor: 0)
        let expected = 0.1 / 1.1
        print("expected \(expected), observed \(e), relative error \(abs(e - expected) / expected)")
        XCTAssertEqual(e, expected, accuracy: 1e-15)
        // ∞ − ∞ is NaN: it must count as wrong, not as 0.
        XCTAssertEqual(RelativeError.value(Tensor([1.7e308, -1.7e308]), Tensor([-1.7e308, 1.0]), floor: 1e-3), .infinity)
    }

    func testFactorTextNeverTrapsOnHugeFactors() {
        for c in [1e20, -1e20, 1e-19, 1e300, 8, 0.125, 2.718281828] {
            let text = MistakeDetector.factorText(c)
            XCTAssertFalse(text.isEmpty, "\(c)")
        }
        XCTAssertEqual(MistakeDetector.factorText(8), "8")
        XCTAssertEqual(MistakeDetector.factorText(0.125), "1/8")
        XCTAssertEqual(MistakeDetector.factorText(1e20), "1e+20")
    }
}
