import Foundation
import LabTestSupport
import NNEngine
import NNFiles
import NNRender
import XCTest
@testable import Grading

/// The attack from the issue: two dummy submissions, +100 everywhere and then −100 everywhere,
/// and everything the student gets back (feedback.json, feedback.md, results.json). From each
/// element's relative error the reference follows exactly; from bands it must not.
final class ReferenceLeakTests: XCTestCase {
    /// The student's files for a submission filled with `value`, written into `folder`.
    func feedback(_ exercise: any Exercise, _ student: StudentID, filledWith value: Double, folder: URL) throws -> GradeReport {
        let inputs = Grader.problem(exercise, student: student, key: .practice)
        let reference = exercise.reference(for: inputs)
        var dummy = NamedArrays()
        for entry in reference.entries { dummy[entry.name] = entry.value.map { _ in value } }
        let submission = Submission.parse(Array(Submission.json(dummy).utf8), expecting: Grader.expectedShapes(exercise, reference: reference),
                                          course: CourseFile())
        let report = Grader().grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
        try AtomicFile.makeDirectory(folder)
        _ = try FeedbackReport.write(report, exercise: exercise, to: folder, renderer: FigureRenderer())
        return report
    }

    /// Every per-element number array of `key`'s series in feedback.json, besides the student's own values and indices.
    func elementArrays(_ folder: URL, key: String) throws -> [String: [Double]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("feedback.json"))) as! [String: Any]
        let series = (json["series"] as? [[String: Any]] ?? []).first { $0["name"] as? String == key } ?? [:]
        var arrays: [String: [Double]] = [:]
        for (name, value) in series where !["submitted", "x"].contains(name) {
            if let numbers = value as? [NSNumber] { arrays[name] = numbers.map(\.doubleValue) }
        }
        return arrays
    }

    /// y from the relative errors of +100 and −100 under either measure (|x−y|/max or /sum), for |y| < 100.
    static func solve(plus: Double, minus: Double) -> [Double] {
        [100 - 100 * plus, 100 * minus - 100, 100 * (1 - plus) / (1 + plus), 100 * (minus - 1) / (1 + minus)]
    }

    /// The fraction of elements the attack recovers to 1e-3 from `arrays`.
    static func recovered(_ plus: [String: [Double]], _ minus: [String: [Double]], reference: Tensor) -> Double {
        var best = 0.0
        for (name, p) in plus {
            guard let m = minus[name], p.count == reference.count, m.count == reference.count else { continue }
            let hits = reference.scalars.indices.filter { i in
                solve(plus: p[i], minus: m[i]).contains { abs($0 - reference.scalars[i]) <= 1e-3 * max(1, abs(reference.scalars[i])) }
            }.count
            best = max(best, Double(hits) / Double(reference.count))
        }
        return best
    }

    func testTwoSubmissionReconstructionRecoversNothing() throws {
        let root = try makeTemporaryFolder("leak")
        for exercise in [BatchNormExercise(), AffineBackwardExercise(), ActivationsExercise()] as [any Exercise] {
            let student = try StudentID("victim")
            let plus = try feedback(exercise, student, filledWith: 100, folder: root.appendingPathComponent("\(exercise.name)-plus"))
            let minus = try feedback(exercise, student, filledWith: -100, folder: root.appendingPathComponent("\(exercise.name)-minus"))
            for output in exercise.outputs {
                let reference = plus.tests.first { $0.key == output.key }!.reference
                // The control: the per-element errors the grader computes internally do give the reference
                // (so the attack is real), which is why they are never written while it is withheld.
                let internalPlus = plus.tests.first { $0.key == output.key }!.error!.elementErrors
                let internalMinus = minus.tests.first { $0.key == output.key }!.error!.elementErrors
                let control = Self.recovered(["e": internalPlus], ["e": internalMinus], reference: exercise.graded(reference, key: output.key, inputs: plus.inputs))
                // Elements below the float32 floor are judged at the floor, so the control recovers the others.
                XCTAssertGreaterThan(control, 0.5, "\(exercise.name) \(output.key): the attack itself does not work")

                let written = Self.recovered(try elementArrays(root.appendingPathComponent("\(exercise.name)-plus"), key: output.key),
                                             try elementArrays(root.appendingPathComponent("\(exercise.name)-minus"), key: output.key),
                                             reference: reference)
                print("\(exercise.name) \(output.key): internal errors recover \(Int(control * 100))% of the reference, the feedback files \(Int(written * 100))%")
                XCTAssertEqual(written, 0, "\(exercise.name) \(output.key): feedback.json leaks the reference")
            }
            // The texts carry no relative error a student could solve for y with, only bands.
            for name in ["feedback.md", "results.json"] {
                for folder in ["plus", "minus"] {
                    let text = try String(contentsOf: root.appendingPathComponent("\(exercise.name)-\(folder)/\(name)"))
                    let report = folder == "plus" ? plus : minus
                    for test in report.tests {
                        let shown = FeedbackText.number(test.error!.value)
                        XCTAssertFalse(text.contains("relative error \(shown)") || text.contains("| \(shown) |"),
                                       "\(exercise.name) \(name) shows \(test.key)'s error \(shown)")
                    }
                    XCTAssertTrue(text.contains("> 1e-02"), "\(name) names the band")
                }
            }
        }
    }

    func testRevealedReferenceStillShowsTheErrorAfterTheDeadline() throws {
        let exercise = AffineBackwardExercise()
        let student = try StudentID("late")
        let inputs = Grader.problem(exercise, student: student, key: .practice)
        let reference = exercise.reference(for: inputs)
        let submission = Submission.parse(Array(Submission.json(reference.merging(exercise.mistakes(for: inputs)[3].answers)).utf8),
                                          expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        let report = Grader(revealsReference: true).grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
        let dW = report.tests.first { $0.key == "dW" }!
        XCTAssertTrue(FeedbackText.testOutput(dW, reveal: true).contains("relative error \(FeedbackText.number(dW.error!.value))"))
        XCTAssertTrue(FeedbackText.testOutput(dW, reveal: true).contains("reference "))
    }
}
