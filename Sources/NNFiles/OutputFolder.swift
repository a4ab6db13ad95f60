import Foundation
import NNEngine

/// Where one run of a lab writes: a folder that is locked for the run (`OutputLock`), cleared of
/// what killed runs left behind (`StaleTemporaries`), and then replaced by the run's whole set of
/// files at once, or not at all.
///
/// The run writes into a staging folder beside the target (`.NAME.staging-PID-XXXXXX`); only when
/// everything is written and every figure checked is the staging folder swapped with the target
/// in one `renameat2(RENAME_EXCHANGE)` (`renamex_np(RENAME_SWAP)` on macOS), so a reader, a full
/// disk or a `kill -9` sees the old set or the new one, never a mix.
///
/// Two scopes:
/// - `.wholeFolder` (`<out>/<lab>/`, which belongs to the lab): the run replaces the folder
///   whole. Files an earlier run wrote that this one does not (another `--format`, a scheme not
///   selected now) are removed with the old folder: kept, they would sit beside a set made with
///   other settings, which is what "never mixed" forbids. The folder is the lab's; nothing else
///   should be kept in it.
/// - `.addedFiles` (a folder the user named, e.g. batch augmentation's `--out dir/`): the run's
///   files are moved in one by one and everything else in the folder is left alone. A marker
///   written before the moves lets the next run finish them if this one is killed halfway.
public final class OutputFolder {
    /// How much of the folder a run owns.
    public enum Scope: Sendable {
        case wholeFolder
        case addedFiles
    }

    /// The folder the run's files end up in.
    public let url: URL
    /// Whether the run replaces the folder or adds files to it.
    public let scope: Scope
    private let lock: OutputLock

    /// The file in a staging folder that says its set is complete and being moved in.
    static let completeMarker = ".complete"

    /// Opens `url` for one run: creates the folder that will hold it (its parent, for
    /// `.wholeFolder`; itself, for `.addedFiles`), takes the lock (waiting for another run, with
    /// one line to `note`), installs the interrupt handlers and removes dead runs' leftovers.
    /// - Throws: `LabError` if the folder cannot be made, written or locked.
    public init(_ url: URL, scope: Scope = .wholeFolder,
                note: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws {
        self.url = url.standardizedFileURL
        self.scope = scope
        Interrupts.install()
        // A lab's folder is made by the first run that finishes, so an interrupted first run
        // leaves no empty folder; the user's folder of `.addedFiles` holds the lock, so it is made now.
        try AtomicFile.makeDirectory(scope == .wholeFolder ? self.url.deletingLastPathComponent() : self.url)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: self.url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw LabError("output folder \(self.url.path) is a file, not a folder")
        }
        let lockFile = scope == .wholeFolder
            ? self.url.deletingLastPathComponent().appendingPathComponent(".\(self.url.lastPathComponent).lock")
            : self.url.appendingPathComponent(".lab.lock")
        lock = try OutputLock(file: lockFile, for: self.url, note: note)
        if scope == .wholeFolder { StaleTemporaries.remove(in: self.url.deletingLastPathComponent()) }
        StaleTemporaries.remove(in: self.url, rollForward: { [url = self.url] in try? Self.finishMoving($0, into: url) })
    }

    /// Runs `write` with a fresh staging folder to write every file into, then puts the files in
    /// place together. If `write` throws (or the run is interrupted), the staging folder is
    /// removed and the folder is left as it was.
    /// - Returns: what `write` returned (its URLs point into the staging folder; use `url`).
    /// - Throws: what `write` threw, with staging paths shown as their final paths.
    public func replace<T>(_ write: (URL) throws -> T) throws -> T {
        let parent = scope == .wholeFolder ? url.deletingLastPathComponent() : url
        let staging = try AtomicFile.makeTemporaryFolder(in: parent, named: "\(url.lastPathComponent).staging",
                                                         private: scope == .addedFiles, reportingAs: url)
        // The new folder keeps the mode of the one it replaces.
        var target = stat()
        if scope == .wholeFolder, stat(url.path, &target) == 0 { chmod(staging.path, target.st_mode & 0o7777) }
        defer {
            try? FileManager.default.removeItem(at: staging)
            Interrupts.forget(staging)
        }
        let value: T
        do { value = try write(staging) } catch let error as LabError {
            throw LabError(error.message.replacingOccurrences(of: staging.path, with: url.path))
        }
        try Interrupts.deferred {
            switch scope {
            case .wholeFolder: try exchange(staging)
            case .addedFiles:
                try AtomicFile.writeNew(Data(), to: staging.appendingPathComponent(Self.completeMarker), reportingAs: url)
                try Self.finishMoving(staging, into: url)
            }
        }
        return value
    }

    /// Swaps the staging folder with the target; the old set, now at the staging path, is
    /// removed by `replace`.
    private func exchange(_ staging: URL) throws {
        if FileSwap.exchange(staging, url) { return }
        if !FileManager.default.fileExists(atPath: url.path) {
            guard rename(staging.path, url.path) == 0 else { throw AtomicFile.failure(writing: url, code: errno) }
            return
        }
        // A file system without an atomic swap: rename the old set away, then the new one in.
        let trash = staging.deletingLastPathComponent()
            .appendingPathComponent(staging.lastPathComponent.replacingOccurrences(of: ".staging-", with: ".trash-"))
        Interrupts.removeOnInterrupt(trash)
        defer { try? FileManager.default.removeItem(at: trash); Interrupts.forget(trash) }
        guard rename(url.path, trash.path) == 0 else { throw AtomicFile.failure(writing: url, code: errno) }
        guard rename(staging.path, url.path) == 0 else {
            let code = errno
            _ = rename(trash.path, url.path)
            throw AtomicFile.failure(writing: url, code: code)
        }
    }

    /// Moves every visible file of a complete staging folder into `folder`, and does nothing to
    /// one without the marker (an unfinished set, removed by the caller).
    static func finishMoving(_ staging: URL, into folder: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: staging.appendingPathComponent(completeMarker).path),
              let names = try? fileManager.contentsOfDirectory(atPath: staging.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            try AtomicFile.commit(staging.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }
}
