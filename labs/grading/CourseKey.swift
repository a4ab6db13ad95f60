import Foundation
import NNEngine

/// The instructor's secret, from which every student's problem is derived.
///
/// Seed derivation (deterministic, documented so that another tool can reproduce it):
///
///     h    = FNV-1a-64( key bytes ‖ 0x00 ‖ exercise name (UTF-8) ‖ 0x00 ‖ student ID (UTF-8) )
///     seed = SplitMix64(seed: h).next()
///
/// FNV-1a (Fowler, Noll & Vo; offset 0xcbf29ce484222325, prime 0x100000001b3) mixes every byte
/// into the hash; the SplitMix64 finalizer then spreads IDs that differ in one character over all
/// 64 bits. The 0x00 separators keep ("ab", "c") and ("a", "bc") apart. This is a keyed hash for
/// making problems different, not a cryptographic MAC: the key only has to stay out of students'
/// hands, so that nobody can generate a classmate's problem.
public struct CourseKey: Sendable, Equatable {
    public let bytes: [UInt8]

    /// The largest key file read: a key is a few dozen random bytes, never megabytes.
    public static let maxFileSize = 4096

    public init(bytes: [UInt8]) {
        precondition(!bytes.isEmpty, "a course key needs at least one byte")
        self.bytes = bytes
    }

    /// The key used when no `--course-key` is given: fine for practice, useless against copying,
    /// which the CLI says when it falls back to it.
    public static let practice = CourseKey(bytes: Array("nnlab-practice-key".utf8))

    /// Reads a key file (its bytes, trailing newline stripped).
    /// - Throws: `LabError` if the file is missing, empty or larger than 4 KiB.
    public init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LabError("course key \(url.path) not found; create one with `head -c 32 /dev/urandom | base64 > course.key`")
        }
        // The limit allows a trailing newline (CRLF) beyond the 4 KiB of key.
        var bytes = [UInt8](try InputFile.read(url, what: "course key", limit: Self.maxFileSize + 2, links: .follow))
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw LabError("course key \(url.path) is empty; write at least 16 random bytes into it") }
        guard bytes.count <= Self.maxFileSize else {
            throw LabError("course key \(url.path) is \(bytes.count) bytes, more than the \(Self.maxFileSize)-byte limit for a key")
        }
        self.init(bytes: bytes)
    }

    /// FNV-1a-64 of `data`.
    static func fnv1a(_ data: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The seed of `student`'s problem for `exercise` (see the type's documentation).
    public func seed(exercise: String, student: StudentID) -> UInt64 {
        let message = bytes + [0] + Array(exercise.utf8) + [0] + Array(student.value.utf8)
        var mixer = SplitMix64(seed: Self.fnv1a(message))
        return mixer.next()
    }
}
