import Foundation
import NNEngine
import NNFiles
import NNRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A class whose submissions mix `SampleClass`'s (correct, float32, each typical mistake, broken
/// files) with what an attacker or an unlucky student hands in, for the tests and `make bench`:
///
/// | kind | the file |
/// |---|---|
/// | `nestedPairs` | 33 levels of `[…, 0]`: about 150 bytes whose first elements claim 2³³ numbers |
/// | `nestedTriples` | 40 levels of `[…, 0, 0]`: 3⁴⁰ claimed elements, more than `Int` holds |
/// | `hugeFactor`, `tinyFactor` | the right answer × 1e20 and × 1e-19 |
/// | `extremeValues` | ±1.7e308 everywhere, whose differences overflow |
/// | `byteOrderMark` | the right answer after a UTF-8 BOM (Windows editors) |
/// | `utf16` | the right answer in UTF-16 |
/// | `valueFlood` | 200 000 zeros under the byte limit |
/// | `controlKeys` | the right answer plus keys holding ESC, BEL, CR, LF and 5 000 characters |
/// | `linkOutside` | `<id>.json` a symbolic link to a secret file outside the folder |
/// | `linkedFolder` | `<id>/` a symbolic link to a folder outside, holding `submission.json` |
/// | `fifo` | `<id>.json` a FIFO nobody writes to |
///
/// The roster also lists IDs that collide with the batch's own files (`gradebook.csv`,
/// `scores.png`, `scores.json`, `students`) and one that starts a spreadsheet formula (`@sum`), and
/// is written as an LMS exports it (header, quoted names with commas). The folder also holds a
/// miscased file (`S001.json`) and one for nobody (`stranger.json`).
public enum HostileClass {
    public enum Kind: CaseIterable, Sendable {
        case nestedPairs, nestedTriples, hugeFactor, tinyFactor, extremeValues, byteOrderMark, utf16, valueFlood, controlKeys
        case linkOutside, linkedFolder, fifo
    }

    /// The IDs that collide with the batch's outputs or start a formula.
    public static let specialIDs = ["gradebook.csv", "scores.png", "scores.json", "students", "@sum"]

    /// The secret file the links point at; its text must never appear in any feedback.
    public static let secret = "TOP-SECRET-COURSE-DATA"

    /// Writes `folder/roster.csv`, `folder/submissions/` and `folder/outside/` for `count` students
    /// (half `SampleClass`'s cycle, half the hostile kinds, then the special IDs); returns the roster.
    @discardableResult
    public static func write(_ exercise: any Exercise, count: Int, key: CourseKey, course: CourseFile = CourseFile(),
                             to folder: URL) throws -> URL {
        let submissions = folder.appendingPathComponent("submissions")
        let outside = folder.appendingPathComponent("outside")
        try AtomicFile.makeDirectory(submissions)
        try AtomicFile.makeDirectory(outside)
        try AtomicFile.write(Data(secret.utf8), to: outside.appendingPathComponent("secret.json"))
        try AtomicFile.write(Data("{\"\(exercise.outputs[0].key)\": \"\(secret)\"}".utf8),
                             to: outside.appendingPathComponent("submission.json"))
        var roster = "student,name,email\r\n"
        let regular = (count - specialIDs.count) / 2
        let kinds = Kind.allCases
        for i in 0..<(count - specialIDs.count) {
            let student = try StudentID(String(format: "s%03d", i + 1))
            roster += "\(student.value),\"Student, Number \(i + 1)\",\(student.value)@example.edu\r\n"
            let inputs = Grader.problem(exercise, student: student, key: key)
            let reference = exercise.reference(for: inputs)
            let file = submissions.appendingPathComponent("\(student.value).json")
            if i < regular {
                let mistakes = exercise.mistakes(for: inputs)
                let text: String
                switch SampleClass.kind(i, mistakes: mistakes.count) {
                case .correct: text = Submission.json(reference)
                case .float32: text = Submission.float32JSON(reference)
                case .mistake(let m): text = Submission.json(reference.merging(mistakes[m].answers))
                case .truncated: text = String(Submission.json(reference).dropLast(12))
                case .nanToken: text = Submission.json(reference).replacingOccurrences(of: "[", with: "[NaN, ")
                case .deepNesting: text = "{\"x\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
                case .wrongType: text = "{" + exercise.outputs.map { "\"\($0.key)\": \"see attached\"" }.joined(separator: ", ") + "}"
                case .oversized: text = "{\"pad\": \"" + String(repeating: "x", count: course.maxSubmissionBytes) + "\"}"
                case .missing: continue
                }
                try AtomicFile.write(Data(text.utf8), to: file)
            } else {
                try writeHostile(kinds[(i - regular) % kinds.count], exercise: exercise, reference: reference, file: file,
                                 student: student, submissions: submissions, outside: outside)
            }
        }
        for id in specialIDs {
            let student = try StudentID(id)
            roster += "\(id),\"Special, \(id)\",x@example.edu\r\n"
            let reference = exercise.reference(for: Grader.problem(exercise, student: student, key: key))
            try AtomicFile.write(Data(Submission.json(reference).utf8), to: submissions.appendingPathComponent("\(id).json"))
        }
        try AtomicFile.write(Data("{}".utf8), to: submissions.appendingPathComponent("S001.json"))
        try AtomicFile.write(Data("{}".utf8), to: submissions.appendingPathComponent("stranger.json"))
        let url = folder.appendingPathComponent("roster.csv")
        try AtomicFile.write(Data(roster.utf8), to: url)
        return url
    }

    static func writeHostile(_ kind: Kind, exercise: any Exercise, reference: NamedArrays, file: URL, student: StudentID,
                             submissions: URL, outside: URL) throws {
        let key = exercise.outputs[0].key
        func scaled(_ factor: Double) -> String {
            var answers = NamedArrays()
            for entry in reference.entries { answers[entry.name] = entry.value * factor }
            return Submission.json(answers)
        }
        // Rewriting a class replaces last time's links and FIFOs, which cannot be overwritten in place.
        for stale in [file, submissions.appendingPathComponent(student.value)] {
            if (try? FileManager.default.attributesOfItem(atPath: stale.path)) != nil { try FileManager.default.removeItem(at: stale) }
        }
        var bytes: [UInt8]
        switch kind {
        case .nestedPairs:
            bytes = Array(("{\"\(key)\": " + String(repeating: "[", count: 33) + "1" + String(repeating: ",0]", count: 33) + "}").utf8)
        case .nestedTriples:
            bytes = Array(("{\"\(key)\": " + String(repeating: "[", count: 40) + "1" + String(repeating: ",0,0]", count: 40) + "}").utf8)
        case .hugeFactor: bytes = Array(scaled(1e20).utf8)
        case .tinyFactor: bytes = Array(scaled(1e-19).utf8)
        case .extremeValues:
            var answers = NamedArrays()
            for (n, entry) in reference.entries.enumerated() { answers[entry.name] = entry.value.map { _ in n % 2 == 0 ? 1.7e308 : -1.7e308 } }
            bytes = Array(Submission.json(answers).utf8)
        case .byteOrderMark: bytes = Submission.byteOrderMark + Array(Submission.json(reference).utf8)
        case .utf16: bytes = Array(Submission.json(reference).data(using: .utf16) ?? Data())
        case .valueFlood: bytes = Array(("{\"pad\": [" + Array(repeating: "0", count: 200_000).joined(separator: ",") + "]}").utf8)
        case .controlKeys:
            let json = Submission.json(reference)
            let extra = "\"\\u001b[2J\\u001b]0;owned\\u0007\": 1, \"line\\r\\nforged\": 2, \"\(String(repeating: "k", count: 5000))\": 3, "
            bytes = Array(("{" + extra + json.dropFirst()).utf8)
        case .linkOutside:
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside.appendingPathComponent("secret.json"))
            return
        case .linkedFolder:
            try FileManager.default.createSymbolicLink(at: submissions.appendingPathComponent(student.value), withDestinationURL: outside)
            return
        case .fifo:
            guard mkfifo(file.path, 0o600) == 0 else { throw LabError("cannot make a FIFO at \(file.path)") }
            return
        }
        try AtomicFile.write(Data(bytes), to: file)
    }
}
