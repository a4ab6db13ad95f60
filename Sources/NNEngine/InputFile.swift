import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file the user named (an image, a data set, a course key, a roster, a submission) with
/// the checks every such read needs: it must be a regular file, not a folder, a FIFO or a device,
/// and at most `limit` bytes.
///
/// `FileManager.contents(atPath:)` would read `/dev/zero` until memory runs out and block forever
/// on a FIFO. Here the file is opened with `O_NONBLOCK` (so opening a FIFO with no writer returns
/// at once), checked with `fstat` on the open descriptor (so the check and the read see the same
/// file, with no window for a swap between them), and read to at most `limit + 1` bytes.
public enum InputFile {
    /// How to treat a path whose last component is a symbolic link.
    public enum Links: Sendable {
        /// Follow it, as a shell does (`--image ~/photos/current.png` may be a link).
        case follow
        /// Refuse it (`O_NOFOLLOW`): for files found by listing a folder someone else filled,
        /// such as a class's submissions, where a link could point at any file the grader can read.
        case refuse
    }

    /// The whole file at `url`.
    /// - Parameters:
    ///   - what: what the file is, for messages ("image", "roster", "submission").
    ///   - limit: the largest size accepted, in bytes.
    /// - Throws: `LabError` with one line: missing, not readable, a folder, not a regular file,
    ///   a link (with `.refuse`), or over the limit.
    public static func read(_ url: URL, what: String, limit: Int, links: Links = .follow) throws -> Data {
        let path = url.path
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        if links == .refuse { flags |= O_NOFOLLOW }
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw LabError(openFailure(errno: errno, path: path, what: what, links: links)) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LabError("cannot read \(what) \(path): \(String(cString: strerror(errno)))")
        }
        let type = status.st_mode & S_IFMT
        guard type != S_IFDIR else { throw LabError("\(what) \(path) is a folder, not a file") }
        guard type == S_IFREG else {
            throw LabError("\(what) \(path) is not a regular file (\(describe(type: type))); give a file")
        }
        guard Int(status.st_size) <= limit else {
            throw LabError("\(what) \(path) is \(formatBytes(Int(status.st_size))); the limit is \(formatBytes(limit))")
        }
        // Read to end of file, but never past limit + 1 bytes: a file that grows while it is read
        // is caught by the same limit.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let n = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LabError("cannot read \(what) \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        guard data.count <= limit else { throw LabError("\(what) \(path) is over the limit of \(formatBytes(limit))") }
        return data
    }

    /// `read(2)`, named apart from `InputFile.read`.
    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
        #else
        return Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// The one-line reason an `open` failed.
    static func openFailure(errno code: Int32, path: String, what: String, links: Links) -> String {
        switch code {
        case ENOENT: return "\(what) \(path) does not exist"
        case EACCES: return "\(what) \(path) is not readable (permission denied)"
        case ELOOP where links == .refuse: return "\(what) \(path) is a symbolic link; only regular files are read"
        case ENOTDIR: return "\(what) \(path) does not exist (a folder in the path is a file)"
        default: return "cannot open \(what) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// A file type in words, for the "not a regular file" message.
    static func describe(type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a plain file"
        }
    }

    /// `1.5 MiB`, `512 bytes`: sizes as a person reads them.
    public static func formatBytes(_ bytes: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) bytes" }
        var value = Double(bytes)
        var unit = -1
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
