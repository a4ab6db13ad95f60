import Foundation
import NNEngine
import NNFiles
import NNRender

/// A generated class of submissions for one exercise, for trying a grading setup (and for the
/// benchmark and tests): `roster.csv` and `submissions/<id>.json` for `count` students
/// `s001`, `s002`, …, cycling through what real classes hand in:
///
/// correct (float64), correct (float32), each of the exercise's typical mistakes, then broken
/// files: truncated JSON, Python's `NaN` token, 10 000-deep nesting, a string instead of
/// numbers, an oversized file, and no file at all.
public enum SampleClass {
    /// The kinds of submission, in the order students cycle through them.
    public enum Kind: Equatable, Sendable {
        case correct, float32, mistake(Int), truncated, nanToken, deepNesting, wrongType, oversized, missing
    }

    /// The kind of submission student number `i` (from 0) hands in.
    public static func kind(_ i: Int, mistakes: Int) -> Kind {
        let broken: [Kind] = [.truncated, .nanToken, .deepNesting, .wrongType, .oversized, .missing]
        let cycle = [Kind.correct, .correct, .float32] + (0..<mistakes).map(Kind.mistake) + broken
        return cycle[i % cycle.count]
    }

    /// Writes `folder/roster.csv` and `folder/submissions/`; returns the roster's URL.
    @discardableResult
    public static func write(_ exercise: any Exercise, count: Int, key: CourseKey, course: CourseFile = CourseFile(),
                             to folder: URL) throws -> URL {
        let submissions = folder.appendingPathComponent("submissions")
        try AtomicFile.makeDirectory(submissions)
        var roster = "student\n"
        for i in 0..<count {
            let student = try StudentID(String(format: "s%03d", i + 1))
            roster += student.value + "\n"
            let inputs = Grader.problem(exercise, student: student, key: key)
            let reference = exercise.reference(for: inputs)
            let mistakes = exercise.mistakes(for: inputs)
            let text: String
            switch kind(i, mistakes: mistakes.count) {
            case .correct: text = Submission.json(reference)
            case .float32: text = Submission.float32JSON(reference)
            case .mistake(let m): text = Submission.json(reference.merging(mistakes[m].answers))
            case .truncated: text = String(Submission.json(reference).dropLast(12))
            case .nanToken: text = Submission.json(reference).replacingOccurrences(of: "[", with: "[NaN, ", options: [], range: nil)
            case .deepNesting: text = "{\"x\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
            case .wrongType: text = "{" + exercise.outputs.map { "\"\($0.key)\": \"see attached\"" }.joined(separator: ", ") + "}"
            case .oversized: text = "{\"pad\": \"" + String(repeating: "x", count: course.maxSubmissionBytes) + "\"}"
            case .missing: continue
            }
            try AtomicFile.write(Data(text.utf8), to: submissions.appendingPathComponent("\(student.value).json"))
        }
        let url = folder.appendingPathComponent("roster.csv")
        try AtomicFile.write(Data(roster.utf8), to: url)
        return url
    }
}
