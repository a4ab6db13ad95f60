import Foundation
import NNEngine

/// The class list: a CSV (RFC 4180: quoted fields may hold commas, quotes doubled, CRLF or LF) of
/// student IDs, as a teacher writes it or as an LMS exports it.
///
/// Which column holds the ID: when the first row is a header naming one of `idHeaders` (in that
/// order of preference: `SID` from Gradescope's `Name,SID,Email`, `SIS User ID` from Canvas,
/// `student`/`id` from a hand-written list), that column; otherwise the first column and the
/// first row is a student. Rows with nothing in the ID column (Canvas's "Points Possible" row)
/// and IDs `StudentID` refuses are listed in `rejected` with their line, never graded silently.
public struct Roster: Sendable {
    /// The valid IDs, in file order, without duplicates.
    public let students: [StudentID]
    /// Lines whose ID was refused, with the reason (they are reported, not graded).
    public let rejected: [(line: Int, reason: String)]

    /// The largest roster file read.
    public static let maxFileSize = 16 << 20

    /// Header names of the ID column, most specific first (compared case-insensitively).
    public static let idHeaders = ["sid", "student_id", "student id", "sis user id", "sis login id", "login id",
                                   "id", "student", "username", "user", "email"]

    /// - Throws: `LabError` if the file is missing, unreadable, over 16 MiB, or lists nobody.
    public init(contentsOf url: URL) throws {
        let data = try InputFile.read(url, what: "roster", limit: Self.maxFileSize, links: .follow)
        try self.init(text: String(decoding: data, as: UTF8.self), name: url.path)
    }

    public init(text: String, name: String = "roster") throws {
        var students: [StudentID] = []
        var rejected: [(Int, String)] = []
        var seen = Set<StudentID>()
        var records = Self.records(text)
        var column = 0
        var header = "first column"
        if let first = records.first {
            let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let match = Self.idHeaders.lazy.compactMap({ h in names.firstIndex(of: h) }).first {
                column = match
                header = "column '\(SafeText.terminal(first.fields[match], limit: 40))'"
                records.removeFirst()
            }
        }
        for record in records {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let field = column < record.fields.count ? record.fields[column].trimmingCharacters(in: .whitespaces) : ""
            guard !field.isEmpty else {
                let shown = SafeText.terminal(record.fields.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "", limit: 40)
                rejected.append((record.line, "no student ID in the \(header) ('\(shown.trimmingCharacters(in: .whitespaces))')"))
                continue
            }
            do {
                let id = try StudentID(field)
                if seen.insert(id).inserted { students.append(id) } else { rejected.append((record.line, "duplicate student ID '\(id)'")) }
            } catch let error as LabError {
                rejected.append((record.line, error.message))
            }
        }
        guard !students.isEmpty else { throw LabError("\(name) lists no valid student ID") }
        self.students = students
        self.rejected = rejected
    }

    /// One CSV record and the line it starts on (1-based).
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The records of an RFC 4180 CSV, after a UTF-8 byte order mark if any. A quoted field may
    /// hold commas, doubled quotes and line breaks; an unterminated quote runs to the end of the text.
    static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var quoted = false, fieldStarted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
            fields = []; field = ""; fieldStarted = false
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted: quoted = true; fieldStarted = true
            case ",": fields.append(field); field = ""; fieldStarted = false
            case "\r": break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return records
    }
}
