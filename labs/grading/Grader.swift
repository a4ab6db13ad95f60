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

    /// Grades the submission file at `url` (which must lie inside `folder`, if given; see `Submission.read`).
    public func grade(_ exercise: any Exercise, student: StudentID, key: CourseKey, submission url: URL,
                      within folder: URL? = nil) -> GradeReport {
        let inputs = Grader.problem(exercise, student: student, key: key)
        let reference = exercise.reference(for: inputs)
        let submission = Submission.read(url, expecting: Grader.expectedShapes(exercise, reference: reference), course: course,
                                         within: folder)
        var report = grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
        report.practiceKey = key == .practice
        return report
    }

    /// Grades an already-read submission.
    ///
    /// A test whose error falls short of full credit is matched against the exercise's named
    /// mistakes: a match earns that mistake's fixed `credit` whatever band the error falls in,
    /// so the same mistake costs every student the same. Errors are measured on what the
    /// exercise grades (`Exercise.graded`, e.g. an optimizer's displacement from w0) with its
    /// rounding scale (`Exercise.roundingScale`).
    public func grade(_ exercise: any Exercise, student: StudentID, inputs: NamedArrays, reference: NamedArrays,
                      submission: Submission) -> GradeReport {
        let mistakes = exercise.mistakes(for: inputs)
        // The mistakes' answers in the graded quantity, where they have the output's shape.
        let gradedMistakes = mistakes.map { mistake in
            Mistake(mistake.kind, hint: mistake.hint, answers: NamedArrays(mistake.answers.entries.map { entry in
                let shaped = entry.value.shape == reference[entry.name]?.shape
                return (entry.name, shaped ? exercise.graded(entry.value, key: entry.name, inputs: inputs) : entry.value)
            }), credit: mistake.credit)
        }
        let tests = exercise.outputs.map { output -> GradeReport.Test in
            let expected = reference.require(output.key)
            // The same name for every student (no shapes, no numbers), so Gradescope groups its statistics.
            let name = "\(output.key): \(output.description)"
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
                let score = Self.points(output.points, credit: finding?.credit ?? 0)
                return GradeReport.Test(name: name, key: output.key, maxScore: output.points, score: score, error: nil, band: nil,
                                        problem: reason, finding: finding, submitted: submitted, reference: expected)
            case .success(let value):
                let graded = exercise.graded(value, key: output.key, inputs: inputs)
                let target = exercise.graded(expected, key: output.key, inputs: inputs)
                let scale = exercise.roundingScale(of: output.key, inputs: inputs)
                let error = RelativeError(graded, target, floor: course.elementFloor, roundingScale: scale)
                let bands = (output.bands ?? course.bands).sorted { $0.maxRelativeError < $1.maxRelativeError }
                let band = ScoreBand.band(for: error.value, in: bands)
                let bandOf = { (e: Double) in bands.firstIndex { e <= $0.maxRelativeError } ?? bands.count }
                var credit = band?.credit ?? 0
                var finding: MistakeDetector.Finding?
                if credit < 1 {
                    finding = MistakeDetector.detect(key: output.key, submitted: graded, reference: target, named: gradedMistakes,
                                                     floor: course.elementFloor, roundingScale: scale)
                    if let fixed = finding?.credit { credit = fixed }
                }
                return GradeReport.Test(name: name, key: output.key, maxScore: output.points,
                                        score: Self.points(output.points, credit: credit), error: error,
                                        band: band?.label ?? "wrong (> \(ScoreBand.lastBound(bands)))",
                                        problem: nil, finding: finding, submitted: value, reference: expected,
                                        bandIndex: bandOf(error.value), elementBands: error.elementErrors.map(bandOf),
                                        bandBounds: bands.map(\.maxRelativeError))
            }
        }
        return GradeReport(exercise: exercise.name, student: student.value, tests: tests, fileError: submission.fileError,
                           unexpectedKeys: submission.unexpectedKeys, inputs: inputs, revealsReference: revealsReference)
    }

    /// `points × credit`, rounded to a millionth so that sums print cleanly.
    static func points(_ points: Double, credit: Double) -> Double { (points * credit * 1e6).rounded() / 1e6 }
}

extension ScoreBand {
    /// The largest bound of any band, for "wrong (> 1e-2)".
    static func lastBound(_ bands: [ScoreBand]) -> String {
        String(format: "%.0e", bands.map(\.maxRelativeError).max() ?? 0)
    }
}
