import Foundation
import NNEngine

/// Grades a submission against the reference an exercise computes for a student's problem.
///
/// Per output: missing, unreadable or wrongly shaped arrays score 0 with the reason (and a
/// transposed or unsummed array is named); otherwise the relative error (see `RelativeError`)
/// picks a band (`ScoreBand`) and the band's credit times the points is the score. Every test
/// that does not earn full credit is checked against the exercise's named mistakes and the
/// generic ones (`MistakeDetector`). Nothing here depends on time, threads or the file system,
/// so the same submission always gives the same report.
public struct Grader: Sendable {
    public let course: CourseFile
    public let revealsReference: Bool

    public init(course: CourseFile = CourseFile(), revealsReference: Bool = false) {
        self.course = course
        self.revealsReference = revealsReference
    }

    /// The problem `exercise` poses to `student` under `key`.
    public static func problem(_ exercise: any Exercise, student: StudentID, key: CourseKey) -> NamedArrays {
        var generator = RandomStream(seed: key.seed(exercise: exercise.name, student: student), path: StreamKey("problem"))
        return exercise.makeProblem(using: &generator)
    }

    /// The expected output keys and shapes, in the exercise's order.
    public static func expectedShapes(_ exercise: any Exercise, reference: NamedArrays) -> [(key: String, shape: [Int])] {
        exercise.outputs.map { ($0.key, reference.require($0.key).shape) }
    }

    /// Grades the submission file at `url`.
    public func grade(_ exercise: any Exercise, student: StudentID, key: CourseKey, submission url: URL) -> GradeReport {
        let inputs = Grader.problem(exercise, student: student, key: key)
        let reference = exercise.reference(for: inputs)
        let submission = Submission.read(url, expecting: Grader.expectedShapes(exercise, reference: reference), course: course)
        return grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
    }

    /// Grades an already-read submission.
    public func grade(_ exercise: any Exercise, student: StudentID, inputs: NamedArrays, reference: NamedArrays,
                      submission: Submission) -> GradeReport {
        let mistakes = exercise.mistakes(for: inputs)
        let tests = exercise.outputs.map { output -> GradeReport.Test in
            let expected = reference.require(output.key)
            let name = "\(output.key): \(output.description) \(expected.shape)"
            switch submission.arrays[output.key] ?? .failure(.missing) {
            case .failure(let problem):
                var finding: MistakeDetector.Finding?
                var reason: String
                switch problem {
                case .missing: reason = "missing key \"\(output.key)\" (expected shape \(expected.shape))"
                case .wrongType(let what): reason = what
                case .wrongShape(let got, let value):
                    reason = "wrong shape: expected \(expected.shape), got \(got)"
                    if let value {
                        finding = MistakeDetector.detect(key: output.key, submitted: value, reference: expected,
                                                         named: mistakes, floor: course.elementFloor)
                    }
                    if finding == nil { finding = .init(kind: .wrongShape, hint: "\(output.key) has shape \(got); the problem asks for \(expected.shape)") }
                }
                let submitted: Tensor? = { if case .wrongShape(_, let v) = problem { return v } else { return nil } }()
                return GradeReport.Test(name: name, key: output.key, maxScore: output.points, score: 0, error: nil, band: nil,
                                        problem: reason, finding: finding, submitted: submitted, reference: expected)
            case .success(let value):
                let error = RelativeError(value, expected, floor: course.elementFloor)
                let band = ScoreBand.band(for: error.value, in: output.bands ?? course.bands)
                let credit = band?.credit ?? 0
                let finding = credit < 1
                    ? MistakeDetector.detect(key: output.key, submitted: value, reference: expected, named: mistakes, floor: course.elementFloor)
                    : nil
                return GradeReport.Test(name: name, key: output.key, maxScore: output.points,
                                        score: (output.points * credit * 1e6).rounded() / 1e6, error: error,
                                        band: band?.label ?? "wrong (> \(ScoreBand.lastBound(output.bands ?? course.bands)))",
                                        problem: nil, finding: finding, submitted: value, reference: expected)
            }
        }
        return GradeReport(exercise: exercise.name, student: student.value, tests: tests, fileError: submission.fileError,
                           unexpectedKeys: submission.unexpectedKeys, inputs: inputs, revealsReference: revealsReference)
    }
}

extension ScoreBand {
    /// The largest bound of any band, for "wrong (> 1e-2)".
    static func lastBound(_ bands: [ScoreBand]) -> String {
        String(format: "%.0e", bands.map(\.maxRelativeError).max() ?? 0)
    }
}
