import Foundation
import NNEngine

/// The words of the feedback: one line per test for results.json and the screen, and the
/// Markdown of feedback.md. Numbers are printed with 3 significant digits in a fixed format,
/// so the same submission gives the same bytes.
///
/// While the reference is withheld (the default), feedback names each output's band (a range
/// such as "1e-4 … 1e-2") and where its worst element is, but not the relative error: from
/// e = |x − y|/max(|x|, |y|) and the submitted x, y follows (two submissions, +100 and −100
/// everywhere, would give every element). Reference values appear only when the report allows
/// it (the course file, after the deadline). Everything that came from the student (key names,
/// parse errors quoting the file) goes through `SafeText`.
public enum FeedbackText {
    static func number(_ x: Double) -> String { String(format: "%.3g", x) }

    /// Points as `4`, `4.5` or `0.25`.
    public static func points(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%g", x)
    }

    /// "affine-backward for alice: 4/5 points".
    public static func headline(_ report: GradeReport) -> String {
        var text = "\(report.exercise) for \(report.student): \(points(report.score))/\(points(report.maxScore)) points"
        if let error = report.fileError { text += ". The submission could not be read: \(SafeText.terminal(error, limit: 300))" }
        if !report.unexpectedKeys.isEmpty {
            let keys = report.unexpectedKeys.prefix(10).map { SafeText.terminal($0, limit: 40) }
            text += ". Ignored keys no output asks for: \(keys.joined(separator: ", "))"
        }
        if report.practiceKey { text += ". Graded against the practice key (no course key given)" }
        return text
    }

    /// The range of band `index` among `bounds`: "≤ 1e-7", "1e-4 … 1e-2", "> 1e-2".
    public static func bandRange(_ index: Int, bounds: [Double]) -> String {
        let b = bounds.map { String(format: "%.0e", $0) }
        if b.isEmpty { return "-" }
        if index == 0 { return "≤ \(b[0])" }
        if index >= b.count { return "> \(b[b.count - 1])" }
        return "\(b[index - 1]) … \(b[index])"
    }

    /// What one test says: the relative error, where it is worst, the band, and the mistake found.
    /// `quote` makes text that came from the student's file (a parse error) safe where it is shown:
    /// `SafeText.terminal` (the default) or, in feedback.md, `SafeText.markdown`.
    public static func testOutput(_ test: GradeReport.Test, reveal: Bool,
                                  quote: (String) -> String = { SafeText.terminal($0, limit: 300) }) -> String {
        var parts: [String] = []
        if let problem = test.problem {
            parts.append(quote(problem))
        } else if let error = test.error {
            var line = reveal ? "relative error \(number(error.value))"
                : "relative error \(bandRange(test.bandIndex ?? 0, bounds: test.bandBounds))"
            if !test.passed {
                // The values as submitted, not as graded (optimizer-steps grades displacements from w0).
                let submitted = test.submitted.map { $0.scalars[error.worstIndex] } ?? error.submitted
                line += ", worst at \(test.key)\(error.worstPosition) (submitted \(number(submitted))"
                line += reveal ? ", reference \(number(test.reference.scalars[error.worstIndex])))" : ")"
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

    /// Trusted text (band labels, hints) in a Markdown table cell: no control characters, no `|`
    /// that would split the cell, no `<` that would start HTML (one followed by a letter, `/`, `!`
    /// or `?`; "< 1e-7" stays as it reads).
    static func tableCell(_ text: String) -> String {
        var out = ""
        let characters = Array(SafeText.terminal(text))
        for (i, c) in characters.enumerated() {
            if c == "|" { out.append("/"); continue }
            if c == "<", i + 1 < characters.count, characters[i + 1].isLetter || "/!?".contains(characters[i + 1]) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// What `feedback.png` shows, which depends on whether the reference is revealed: one
    /// sentence for both read as a `y = x` scatter that a withheld reference never draws.
    static func figureSentence(revealed: Bool) -> String {
        revealed
            ? "`feedback.png` shows the submitted values against the reference (agreeing elements lie on the line y = x, the five worst are circled), or the exercise's own picture: the activation curves, the path on Beale's function, the images."
            : "`feedback.png` shows each element's band against its index, without reference values; the outputs whose every element is in the tightest band share its bottom line, so the panel title names them."
    }

    /// feedback.md: the summary as a table, then the details of every failed test.
    public static func markdown(_ report: GradeReport, exercise: any Exercise) -> String {
        var text = "# \(exercise.title): feedback for \(report.student)\n\n"
        text += "Exercise `\(report.exercise)` (lecture \(exercise.lecture)). **Score: \(points(report.score)) / \(points(report.maxScore))**\n\n"
        if let error = report.fileError {
            text += "> The submission could not be read: \(SafeText.markdown(error, limit: 300)). Every test scores 0.\n\n"
        }
        if report.practiceKey {
            text += "> Graded against the practice key: without the course key this is self-study feedback on the practice problem.\n\n"
        }
        text += "| output | score | relative error | verdict |\n|---|---|---|---|\n"
        for test in report.tests {
            let error = test.error.map { report.revealsReference ? number($0.value) : bandRange(test.bandIndex ?? 0, bounds: test.bandBounds) } ?? "-"
            // A problem quotes the student's file: fully escaped. A band label is the course's: kept
            // readable, with only what would break the table or inject HTML removed.
            let verdict = test.problem.map { SafeText.markdown($0, limit: 300) } ?? tableCell(test.band ?? "")
            text += "| `\(test.key)` | \(points(test.score))/\(points(test.maxScore)) | \(error) | \(verdict) |\n"
        }
        let failed = report.tests.filter { !$0.passed }
        if !failed.isEmpty {
            text += "\n## What to look at\n\n"
            for test in failed {
                text += "- **\(test.key)**: \(testOutput(test, reveal: report.revealsReference) { SafeText.markdown($0, limit: 300) })\n"
            }
        }
        text += """

            ## How this was graded

            Each output is compared with the reference by the lectures' relative error
            max |x − y| / max(|x|, |y|), with entries far below the array's largest magnitude (or below the terms they
            are computed from) compared at a floor derived from float32 rounding, so that float32 costs nothing.
            Unless the course sets its own, the bands follow the lectures' gradient-check table: up to 1e-7 happy, up to
            1e-4 fine (float32 rounding, kinks), up to 1e-2 uncomfortable (half credit), beyond that wrong. A recognized
            mistake earns the same credit for everyone. While the reference is withheld, feedback shows bands and where
            the worst element is, not the error itself.

            """
        text += "\n" + figureSentence(revealed: report.revealsReference) + "\n"
        return text
    }
}
