import Foundation
import NNEngine

/// Copies made with `AtomicFile`'s writes, so that a full disk is reported as such ("no space
/// left on device writing …") and leaves no partial file, where FileManager's copy reports
/// "The operation could not be completed" with the path of a staging folder.
extension AtomicFile {
    /// Copies the file `source` to `url` atomically (see `write`). The file is read whole: for the
    /// small files a lab copies (a search's trial files, a package's sources), not for large ones.
    /// - Throws: `LabError` if `source` cannot be read or `url` cannot be written.
    public static func copy(_ source: URL, to url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw LabError("cannot read \(source.path): \(code.map { String(cString: strerror(Int32($0))) } ?? "it cannot be read")")
        }
        try write(data, to: url)
    }

    /// Copies `source` (a folder, a file or a symbolic link) to `destination`, which must not
    /// exist: folders are made, files copied one by one with `copy` keeping their permission
    /// bits (a script stays executable), links copied as links; other kinds (sockets, FIFOs)
    /// are left out.
    /// - Throws: `LabError` naming the file that could not be read or written.
    public static func copyTree(_ source: URL, to destination: URL) throws {
        var info = stat()
        guard lstat(source.path, &info) == 0 else { throw LabError("cannot read \(source.path): \(String(cString: strerror(errno)))") }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            try makeDirectory(destination)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: source.path) else {
                throw LabError("cannot read the folder \(source.path)")
            }
            for name in names.sorted() {
                try copyTree(source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        case S_IFLNK:
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: source.path) else {
                throw LabError("cannot read the link \(source.path)")
            }
            guard symlink(target, destination.path) == 0 else { throw failure(writing: destination, code: errno) }
        case S_IFREG:
            try copy(source, to: destination)
            guard chmod(destination.path, info.st_mode & 0o7777) == 0 else { throw failure(writing: destination, code: errno) }
        default:
            break
        }
    }
}
