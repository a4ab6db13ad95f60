import Foundation
import NNEngine

/// A student identifier that is safe to use as a folder name.
///
/// Accepted: 1 to 64 characters from `A–Z a–z 0–9 . _ - @`, not starting with `.` or `-`. That
/// rules out path separators, `..`, hidden files, option-looking names and control characters,
/// so `out/<id>/` always stays inside `out/`. Anything else is refused rather than silently
/// rewritten, since two rewritten IDs could collide and overwrite each other's results.
public struct StudentID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    public static let maxLength = 64

    /// - Throws: `LabError` naming the offending character.
    public init(_ raw: String) throws {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw LabError("empty student ID") }
        let shown = String(text.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        guard text.unicodeScalars.count <= Self.maxLength else {
            throw LabError("student ID '\(shown)…' is longer than \(Self.maxLength) characters")
        }
        for scalar in text.unicodeScalars {
            let ok = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || "._-@".unicodeScalars.contains(scalar)
            guard ok else {
                throw LabError("student ID '\(shown)' contains '\(scalar.value < 0x20 ? "control character" : String(scalar))': use only letters, digits and . _ - @")
            }
        }
        guard let first = text.first, first != ".", first != "-" else {
            throw LabError("student ID '\(shown)' must not start with '.' or '-'")
        }
        value = text
    }

    public var description: String { value }
    public static func < (a: StudentID, b: StudentID) -> Bool { a.value < b.value }
}
