import Foundation
import NNEngine

/// The class list: a CSV whose first column is the student ID (a header row whose first field is
/// `student`, `id` or `student_id` is skipped; other columns are ignored).
public struct Roster: Sendable {
    /// The valid IDs, in file order, without duplicates.
    public let students: [StudentID]
    /// Lines whose ID was refused, with the reason (they are reported, not graded).
    public let rejected: [(line: Int, reason: String)]

    /// - Throws: `LabError` if the file is missing, unreadable, or lists nobody.
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LabError("roster \(url.path) not found; it is a CSV with one student ID per line")
        }
        guard data.count <= 16 << 20 else { throw LabError("roster \(url.path) is over 16 MiB") }
        try self.init(text: String(decoding: data, as: UTF8.self), name: url.path)
    }

    public init(text: String, name: String = "roster") throws {
        var students: [StudentID] = []
        var rejected: [(Int, String)] = []
        var seen = Set<StudentID>()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let field = rawLine.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = field.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if trimmed.isEmpty { continue }
            if index == 0, ["student", "id", "student_id", "sid"].contains(trimmed.lowercased()) { continue }
            do {
                let id = try StudentID(trimmed)
                if seen.insert(id).inserted { students.append(id) } else { rejected.append((index + 1, "duplicate student ID '\(id)'")) }
            } catch let error as LabError {
                rejected.append((index + 1, error.message))
            }
        }
        guard !students.isEmpty else { throw LabError("\(name) lists no valid student ID") }
        self.students = students
        self.rejected = rejected
    }
}
