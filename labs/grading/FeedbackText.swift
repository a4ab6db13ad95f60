import Foundation
import NNEngine

/// The words of the feedback: one line per test for results.json and the screen, and the
/// Markdown of feedback.md. Numbers are printed with 3 significant digits in a fixed format,
/// so the same submission gives the same bytes. Reference values appear only when the report
/// allows it (the course file, after the deadline).
public enum FeedbackText {
    static func number(_ x: Double) -> String { String(format: "%.3g", x) }

    /// Points as `4`, `4.5` or `0.25`.
    public static func points(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%g", x)
    }

    /// "affine-backward for alice: 4/5 points".
    public static func headline(_ report: GradeReport) -> String {
        var text = "\(report.exercise) for \(report.student): \(points(report.score))/\(points(report.maxScore)) points"
        if let error = report.fileError { text += ". The submission could not be read: \(error)" }
        if !report.unexpectedKeys.isEmpty {
            text += ". Ignored keys no output asks for: \(report.unexpectedKeys.prefix(10).joined(separator: ", "))"
        }
        return text
    }

    /// What one test says: the relative error, where it is worst, the band, and the mistake found.
    public static func testOutput(_ test: GradeReport.Test, reveal: Bool) -> String {
        var parts: [String] = []
        if let problem = test.problem {
            parts.append(problem)
        } else if let error = test.error {
            var line = "relative error \(number(error.value))"
            if !test.passed {
                line += ", worst at \(test.key)\(error.worstPosition) (submitted \(number(error.submitted))"
                line += reveal ? ", reference \(number(error.expected)))" : ")"
            }
            parts.append(line + ": " + (test.band ?? "wrong"))
        }
        if let finding = test.finding { parts.append("Likely mistake (\(finding.kind.rawValue)): \(finding.hint)") }
        return parts.joined(separator: ". ")
    }

    /// The one-screen summary printed by `lab grade`.
    public static func summary(_ report: GradeReport) -> String {
        var lines = [headline(report)]
        let width = report.tests.map(\.key.count).max() ?? 0
        for test in report.tests {
            let mark = test.passed ? "ok  " : "FAIL"
            let score = "\(points(test.score))/\(points(test.maxScore))".padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("  \(mark) \(test.key.padding(toLength: width, withPad: " ", startingAt: 0))  \(score) \(testOutput(test, reveal: report.revealsReference))")
        }
        return lines.joined(separator: "\n")
    }

    /// feedback.md: the summary as a table, then the details of every failed test.
    public static func markdown(_ report: GradeReport, exercise: any Exercise) -> String {
        var text = "# \(exercise.title): feedback for \(report.student)\n\n"
        text += "Exercise `\(report.exercise)` (lecture \(exercise.lecture)). **Score: \(points(report.score)) / \(points(report.maxScore))**\n\n"
        if let error = report.fileError { text += "> The submission could not be read: \(error). Every test scores 0.\n\n" }
        text += "| output | score | relative error | verdict |\n|---|---|---|---|\n"
        for test in report.tests {
            let error = test.error.map { number($0.value) } ?? "-"
            let verdict = test.problem ?? test.band ?? ""
            text += "| `\(test.key)` | \(points(test.score))/\(points(test.maxScore)) | \(error) | \(verdict.replacingOccurrences(of: "|", with: "/")) |\n"
        }
        let failed = report.tests.filter { !$0.passed }
        if !failed.isEmpty {
            text += "\n## What to look at\n\n"
            for test in failed { text += "- **\(test.key)**: \(testOutput(test, reveal: report.revealsReference))\n" }
        }
        text += """

            ## How this was graded

            Each output is compared with the reference by CS231n's relative error
            max |x − y| / max(1e-8, |x| + |y|), with entries far below the array's largest magnitude compared at a
            thousandth of it, so that float32 rounding costs nothing. Unless the course sets its own, the bands follow
            the lectures' gradient-check table: up to 1e-7 happy, up to 1e-4 fine (float32 rounding, kinks), up to 1e-2 uncomfortable (half credit),
            beyond that wrong. `feedback.png` plots your values against the reference: a correct answer lies on y = x.

            """
        return text
    }
}
