import Foundation
import NNEngine

/// An advisory lock (`flock(2)`) that one run of a lab holds on its output folder, so that two
/// runs into the same `--out` write one after the other instead of mixing their files.
///
/// The second run waits rather than failing: it has done nothing yet, and what it will write
/// replaces the first run's set whole, so waiting gives the same result as running later by hand.
/// It says so once on stderr, with the PID of the run it waits for. The lock is a hidden file
/// beside the folder, not the folder itself, since a run replaces the folder (a lock on the old
/// folder would be a lock on nothing). The file stays: removing it would let a waiting run and
/// a new one lock two different files.
final class OutputLock {
    private let descriptor: Int32

    /// Takes the lock in `file` for `folder`, waiting for another run that holds it.
    /// - Parameter note: where the one "waiting for …" line goes (stderr by default).
    /// - Throws: `LabError` if the lock file cannot be opened or locked.
    init(file: URL, for folder: URL, note: (String) -> Void) throws {
        // O_CLOEXEC: gnuplot must not inherit the lock, or one outliving a killed run would hold it.
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.failure(writing: file, code: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(fd)
                throw LabError("cannot lock \(file.path): \(String(cString: strerror(errno)))")
            }
            let holder = Self.holder(fd).map { "PID \($0)" } ?? "another run"
            note("lab: waiting for \(folder.path), held by \(holder)")
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw LabError("cannot lock \(file.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        // Who holds it, for the next run's message.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// The PID written in the lock file by the run that holds it.
    static func holder(_ fd: Int32) -> pid_t? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return pid_t(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
