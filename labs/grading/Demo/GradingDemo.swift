import Foundation
import NNEngine
import NNRender

/// Every exercise graded for a demo student who made its first typical mistake (`lab exercise
/// demo`, and the grading part of `lab all`): what students see, for the lecture or the syllabus.
public struct GradingDemo: Sendable {
    /// The key the demo problems are drawn from.
    public let key: CourseKey
    /// The demo student, `demo`.
    public let student: StudentID

    /// The demo for `seed`: the seed stands in for a course key, so another seed gives another
    /// demo problem.
    public init(seed: UInt64) {
        key = CourseKey(bytes: Array("demo-\(seed)".utf8))
        // A valid ID by construction (letters only).
        student = try! StudentID("demo")
    }

    /// The report of `exercise` for the demo student, whose answers are the reference with the
    /// exercise's first typical mistake, submitted as a file's JSON would be.
    public func grade(_ exercise: any Exercise) -> GradeReport {
        let inputs = Grader.problem(exercise, student: student, key: key)
        let reference = exercise.reference(for: inputs)
        let answers = reference.merging(exercise.mistakes(for: inputs)[0].answers)
        let submission = Submission.parse(Array(Submission.json(answers).utf8),
                                          expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        return Grader().grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
    }

    /// Grades every exercise of `exercises` and writes its feedback into `folder/<exercise>/`,
    /// calling `graded` with each report once its files are written; returns the figures to draw.
    public func write(_ exercises: [any Exercise] = ExerciseCatalog.all, to folder: URL, renderer: FigureRenderer,
                      graded: (GradeReport) -> Void = { _ in }) throws -> [(figure: any Figure, url: URL)] {
        var jobs: [(figure: any Figure, url: URL)] = []
        for exercise in exercises {
            let report = grade(exercise)
            jobs.append(try FeedbackReport.write(report, exercise: exercise, to: folder.appendingPathComponent(exercise.name), renderer: renderer))
            graded(report)
        }
        return jobs
    }

    /// One line for a demo report: its headline and the hint of the mistake recognized.
    public static func summary(_ report: GradeReport) -> String {
        FeedbackText.headline(report) + ": " + (report.tests.compactMap { $0.finding?.hint }.first ?? "")
    }
}
