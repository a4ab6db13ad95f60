import Foundation
import NNEngine

/// Writes output files so that a reader never sees a partial one: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination (`rename(2)` is atomic
/// within a file system). An interrupted run leaves the old file or none, never a corrupt one.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the folder if needed.
    /// - Throws: `LabError` naming the file and the system's reason.
    public static func write(_ data: Data, to url: URL) throws {
        try makeDirectory(url.deletingLastPathComponent())
        let temporary = temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw LabError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        try commit(temporary, to: url)
    }

    /// A hidden temporary path beside `url`, unique to this process.
    public static func temporaryURL(for url: URL) -> URL {
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Renames a finished temporary file over `url`; removes the temporary file if that fails.
    public static func commit(_ temporary: URL, to url: URL) throws {
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw LabError("cannot write \(url.path): \(reason)")
        }
    }

    /// Creates a folder and its parents, or explains in one line why it cannot.
    public static func makeDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw LabError("output folder \(url.path) is a file, not a folder") }
            guard FileManager.default.isWritableFile(atPath: url.path) else {
                throw LabError("output folder \(url.path) is not writable; choose another with --out")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw LabError("cannot create output folder \(url.path); choose another with --out")
        }
    }
}
