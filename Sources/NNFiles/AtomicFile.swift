import Foundation
import NNEngine

/// Writes output files so that a reader never sees a partial one: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination (`rename(2)` is atomic
/// within a file system). An interrupted run leaves the old file or none, never a corrupt one.
///
/// The bytes are written with `write(2)` rather than through Foundation, so that a full disk is
/// reported as such ("no space left on device writing …") and not as a generic failure.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the folder if needed.
    /// - Throws: `LabError` naming the file and the system's reason.
    public static func write(_ data: Data, to url: URL) throws {
        try makeDirectory(url.deletingLastPathComponent())
        let temporary = temporaryURL(for: url)
        Interrupts.removeOnInterrupt(temporary)
        defer { Interrupts.forget(temporary) }
        do {
            try writeNew(data, to: temporary, reportingAs: url)
        } catch {
            unlink(temporary.path)
            throw error
        }
        try commit(temporary, to: url)
    }

    /// A hidden temporary path beside `url`, unique to this process: `.NAME.PID.tmp`, the form
    /// `StaleTemporaries` recognizes.
    public static func temporaryURL(for url: URL) -> URL {
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Makes a new hidden folder in `folder`, named `.NAME-PID-XXXXXX` with a random suffix, and
    /// registers it for removal on an interrupt. A `private` folder (gnuplot's) is made by
    /// `mkdtemp`, mode 0700; any other (a set that will become the lab's folder) gets the usual
    /// mode, 0777 less the umask. A failure names `shown` (default: `folder`).
    public static func makeTemporaryFolder(in folder: URL, named name: String, private isPrivate: Bool = true,
                                           reportingAs shown: URL? = nil) throws -> URL {
        let stem = folder.appendingPathComponent(".\(name)-\(getpid())-").path
        // Made and registered in one step, so that an interrupt cannot come between.
        return try Interrupts.deferred {
            var made: String?
            if isPrivate {
                var template = Array((stem + "XXXXXX").utf8CString)
                made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil } ? String(cString: template) : nil
            } else {
                let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                for _ in 0..<100 {
                    let path = stem + String((0..<6).map { _ in alphabet.randomElement()! })
                    if mkdir(path, 0o777) == 0 { made = path; break }
                    if errno != EEXIST { break }
                }
            }
            guard let made else { throw failure(writing: shown ?? folder, code: errno) }
            let url = URL(fileURLWithPath: made)
            Interrupts.removeOnInterrupt(url)
            return url
        }
    }

    /// Renames a finished temporary file over `url`; removes the temporary file if that fails.
    public static func commit(_ temporary: URL, to url: URL) throws {
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw failure(writing: url, code: code)
        }
    }

    /// The one-line error for a failed write of `url` with `errno` `code`: a full disk or quota
    /// is named as such, since it is the one cause the user can fix by freeing space.
    public static func failure(writing url: URL, code: Int32) -> LabError {
        switch code {
        case ENOSPC: return LabError("no space left on device writing \(url.path)")
        case EDQUOT: return LabError("disk quota exceeded writing \(url.path)")
        default: return LabError("cannot write \(url.path): \(String(cString: strerror(code)))")
        }
    }

    /// Creates `url` (which must not exist) holding `data`, checking every `write` and the
    /// `close`, where some file systems report a full disk.
    public static func writeNew(_ data: Data, to url: URL, reportingAs shown: URL) throws {
        // Created under `Interrupts.deferred`: no file appears once an interrupt's cleanup began.
        let fd = try Interrupts.deferred { open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw failure(writing: shown, code: errno) }
        var code: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, code == 0 { code = errno }
        if code != 0 { throw failure(writing: shown, code: code) }
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
            try Interrupts.deferred { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        } catch let error as LabError {
            throw error
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            if code == Int(ENOSPC) { throw LabError("no space left on device creating output folder \(url.path)") }
            throw LabError("cannot create output folder \(url.path); choose another with --out")
        }
    }
}
