import Foundation
import NNFiles
import NNRender

/// The command line that wrote a lab's folder, kept beside it (`<out>/.<lab>.command.json`, like
/// the lock `<out>/.<lab>.lock`) so that the gallery can print the exact command that reproduces
/// each figure.
///
/// It is written right after the folder is swapped in, while the run still holds the folder's lock.
/// It names the folder it describes by device and inode: the swapped-in folder is a new one, so a
/// record left by an earlier run (this one killed between the swap and the record) no longer
/// matches, and the gallery says the command is not recorded rather than print the wrong one.
/// It stays outside the folder so that the folder holds only the lab's figures and their JSON.
struct RunRecord: Codable, Equatable, Sendable {
    /// The command, one word per element, as typed (`lab` first), or under `lab all` the lab's own
    /// command with the options `lab all` passed on.
    var command: [String]
    /// The folder this record describes.
    var device: UInt64
    var inode: UInt64

    /// The record's file for the lab folder `folder`.
    static func file(for folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).command.json")
    }

    /// Writes the record of `command` for `folder` as it is now.
    static func write(_ command: [String], for folder: URL) throws {
        guard let identity = identity(of: folder) else { return }
        try JSONOutput.write(RunRecord(command: command, device: identity.device, inode: identity.inode), to: file(for: folder))
    }

    /// The command recorded for `folder`, if a record describes the folder as it is now.
    static func command(for folder: URL) -> [String]? {
        guard let data = try? Data(contentsOf: file(for: folder)),
              let record = try? JSONDecoder().decode(RunRecord.self, from: data),
              let identity = identity(of: folder), identity == (record.device, record.inode) else { return nil }
        return record.command
    }

    private static func identity(of folder: URL) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard stat(folder.path, &status) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    /// `words` as one line a POSIX shell reads back as the same words: a word of only safe
    /// characters as it is, any other in single quotes (a quote inside as `'\''`).
    static func shellLine(_ words: [String]) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:,=@%+")
        return words.map { word in
            !word.isEmpty && word.allSatisfy(safe.contains) ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
