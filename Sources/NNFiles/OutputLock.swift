import Foundation
import NNEngine

/// An advisory lock (`flock(2)`) that one run of a lab holds on its output folder, so that two
/// runs into the same `--out` write one after the other instead of mixing their files.
///
/// The second run waits rather than failing: it has done nothing yet, and what it will write
/// replaces the first run's set whole, so waiting gives the same result as running later by hand.
/// It says so once on stderr, with the PID of the run it waits for. The lock is a hidden file
/// (beside the folder, or inside a user's folder for `.addedFiles`), not the folder itself, since
/// a run replaces the folder and a lock on the old one would be a lock on nothing.
///
/// The holder removes the file when it is done, so no lock file stays behind. That is safe
/// because a run that obtains the lock checks that its file is still the one at the path (the
/// same inode); if the holder removed it meanwhile, the run locks the new file instead.
final class OutputLock {
    private let descriptor: Int32
    private let file: URL

    /// Takes the lock in `file` for `folder`, waiting for another run that holds it.
    /// - Parameter note: where the one "waiting for …" line goes (stderr by default).
    /// - Throws: `LabError` if the lock file cannot be opened or locked.
    init(file: URL, for folder: URL, note: (String) -> Void) throws {
        self.file = file
        var noted = false
        while true {
            if let fd = try Self.tryLock(file) {
                descriptor = fd
                return
            }
            // Held by another run: wait on a descriptor of our own for it to let go, outside
            // `Interrupts.deferred` (an interrupt must not wait for another run), then try again.
            // O_CLOEXEC: gnuplot must not inherit the lock, or one outliving a killed run would hold it.
            let fd = open(file.path, O_RDWR | O_CLOEXEC)
            guard fd >= 0 else { continue }  // removed by its holder meanwhile: try again
            if !noted {
                note("lab: waiting for \(folder.path), held by \(Self.holder(fd).map { "PID \($0)" } ?? "another run")")
                noted = true
            }
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { throw Self.failure(file, closing: fd) }
            }
            close(fd)
        }
    }

    /// One attempt to take the lock without waiting: the file is created, locked, checked to be
    /// the one at the path (the same inode; a holder that finished removes it) and registered for
    /// removal on an interrupt in one step that an interrupt cannot come between, so an
    /// interrupted run never leaves its lock file behind.
    /// - Returns: the locked descriptor, or nil if another run holds the lock.
    private static func tryLock(_ file: URL) throws -> Int32? {
        try Interrupts.deferred {
            let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw AtomicFile.failure(writing: file, code: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else { throw Self.failure(file, closing: fd) }
                close(fd)
                return nil
            }
            var locked = stat(), current = stat()
            guard fstat(fd, &locked) == 0, stat(file.path, &current) == 0,
                  locked.st_ino == current.st_ino, locked.st_dev == current.st_dev else {
                close(fd)
                return nil
            }
            // Who holds it, for a waiting run's message.
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = pwrite(fd, pid, pid.count, 0)
            // An interrupted holder removes it too (a killed one leaves it, unlocked, to the next run).
            Interrupts.removeOnInterrupt(file)
            return fd
        }
    }

    /// Removes the file, then releases the lock. Removing and forgetting happen together, so an
    /// interrupt between them cannot leave the file; once an interrupt has begun, its cleanup
    /// removes the file instead.
    deinit {
        try? Interrupts.deferred {
            unlink(file.path)
            Interrupts.forget(file)
        }
        close(descriptor)
    }

    static func failure(_ file: URL, closing fd: Int32) -> LabError {
        let reason = String(cString: strerror(errno))
        close(fd)
        return LabError("cannot lock \(file.path): \(reason)")
    }

    /// The PID written in the lock file by the run that holds it.
    static func holder(_ fd: Int32) -> pid_t? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return pid_t(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
