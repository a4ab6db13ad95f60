import Foundation

/// What a batch run tells the instructor at the end: how many students were graded, the mean
/// score, how many got full marks, and how many submissions or feedback files failed.
public struct BatchSummary: Equatable, Sendable {
    /// Students graded: every roster student, with or without a submission.
    public var students: Int
    /// The mean score (NaN for an empty class).
    public var meanScore: Double
    /// Students with every point.
    public var fullMarks: Int
    /// Submissions that could not be read at all (missing, malformed, too big).
    public var unreadableSubmissions: Int
    /// Students whose feedback files could not be written or figure not drawn.
    public var feedbackWriteErrors: Int
}

extension BatchSummary {
    /// The summary of a batch's gradebook entries.
    public init(_ entries: [BatchGrading.Entry]) {
        students = entries.count
        meanScore = entries.map(\.score).reduce(0, +) / Double(entries.count)
        fullMarks = entries.filter { $0.score >= $0.maxScore }.count
        unreadableSubmissions = entries.filter { $0.submissionError != nil }.count
        feedbackWriteErrors = entries.filter { $0.error != nil }.count
    }

    /// The summary as one line, e.g. `graded 40 students on batchnorm: mean 6.75/9, 12 with full
    /// marks, 3 unreadable submissions, 0 feedback write errors`.
    public func line(exercise: any Exercise) -> String {
        "graded \(students) students on \(exercise.name): mean \(String(format: "%.2f", meanScore))/\(FeedbackText.points(exercise.points)), "
            + "\(fullMarks) with full marks, \(unreadableSubmissions) unreadable submissions, \(feedbackWriteErrors) feedback write errors"
    }
}
