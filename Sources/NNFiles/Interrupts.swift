import Foundation
import NNEngine

/// What a run leaves behind when Ctrl-C or `kill` stops it: nothing. On SIGINT, SIGTERM or SIGHUP
/// the lab kills its gnuplot children, removes every temporary file and staging folder it
/// registered, then dies of the same signal (so a shell sees exit status 128 + n, as usual).
///
/// Why a self-pipe and not a `DispatchSource` signal source: on Linux, libdispatch watches
/// signals through `signalfd`, which sees a signal only if every thread blocks it, and threads
/// that exist before the source is made do not; with the signal ignored instead, it never
/// arrives at all. So the handler is a minimal async-signal-safe C function that does one thing,
/// `write(2)` the signal number to a pipe, and an ordinary thread reading that pipe does the
/// cleaning, where locks, Foundation and memory allocation are allowed (none of them are in a
/// signal handler).
///
/// Children are registered under the same lock the cleanup takes, and no child is started after
/// an interrupt: gnuplot runs in its own process group, so without this it would go on drawing
/// for seconds after the lab died. A process killed with SIGKILL cannot clean; its temporaries
/// carry its PID and the next run removes them (`StaleTemporaries`).
public enum Interrupts {
    /// Installs the handlers (once; later calls do nothing).
    public static func install() {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard !registry.installed else { return }
        registry.installed = true
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        signalPipe = fds[1]
        let readEnd = fds[0]
        let reader = Thread { waitForSignal(readEnd) }
        reader.name = "nnlab-interrupts"
        reader.start()
        for signal in handledSignals {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = forwardSignal
            #else
            action.__sigaction_u.__sa_handler = forwardSignal
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Removes `url` (a file or a folder tree) if the run is interrupted before `forget(_:)`.
    public static func removeOnInterrupt(_ url: URL) {
        registry.lock.lock()
        registry.paths.insert(url.path)
        registry.lock.unlock()
    }

    /// Stops watching `url`: it was committed or removed.
    public static func forget(_ url: URL) {
        registry.lock.lock()
        registry.paths.remove(url.path)
        registry.lock.unlock()
    }

    /// Starts `process` unless the run is being interrupted, and kills it if an interrupt comes
    /// before `finished(_:)`.
    /// - Throws: `LabError` if the run is being interrupted, or what `Process.run` throws.
    public static func start(_ process: Process) throws {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard !registry.interrupted else { throw LabError("interrupted") }
        try process.run()
        registry.children.insert(process.processIdentifier)
    }

    /// Stops watching a child that has exited.
    public static func finished(_ process: Process) {
        registry.lock.lock()
        registry.children.remove(process.processIdentifier)
        registry.lock.unlock()
    }

    /// Runs `body` with the cleanup held off, so that an interrupt waits for it to finish, and
    /// not at all once an interrupt has begun: for the renames that move a finished set into
    /// place, and for every file or folder the lab creates, so that none appears in a staging
    /// folder after the cleanup has removed it.
    /// - Throws: `LabError` if the run is being interrupted, or what `body` throws.
    public static func deferred<T>(_ body: () throws -> T) throws -> T {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard !registry.interrupted else { throw LabError("interrupted") }
        return try body()
    }

    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The pipe's write end, set once before any handler is installed and only read afterwards.
    nonisolated(unsafe) static var signalPipe: Int32 = -1

    /// The state shared by the lab's threads and the cleaning thread, behind `lock`.
    final class Registry: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var installed = false
        var interrupted = false
        var paths = Set<String>()
        var children = Set<pid_t>()
    }
    static let registry = Registry()

    /// The cleaning thread: waits for a signal number on the pipe, then cleans and dies of it.
    private static func waitForSignal(_ readEnd: Int32) {
        var number: Int32 = 0
        while read(readEnd, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
            if errno != EINTR { return }
        }
        registry.lock.lock()
        registry.interrupted = true
        for child in registry.children {
            // gnuplot is the leader of its own process group: kill the group.
            kill(getpgid(child) == child ? -child : child, SIGKILL)
        }
        for path in registry.paths {
            // Whole trees: a staging folder holds the files written since it was registered. A
            // killed gnuplot may still finish a write in progress (SIGKILL takes effect when the
            // system call returns), so a removal that fails on a file appearing meanwhile is
            // repeated, with a pause, for up to a second.
            for _ in 0..<100 where FileManager.default.fileExists(atPath: path) {
                if (try? FileManager.default.removeItem(atPath: path)) != nil { break }
                usleep(10_000)
            }
        }
        signal(number, SIG_DFL)
        raise(number)
        // Reached only if the signal is blocked in this thread; leave the usual way.
        _exit(128 + number)
    }
}

/// The signal handler: only `write(2)`, which is async-signal-safe. A second signal while
/// cleaning writes again, and is ignored.
private func forwardSignal(_ number: Int32) {
    var value = number
    let saved = errno
    _ = write(Interrupts.signalPipe, &value, MemoryLayout<Int32>.size)
    errno = saved
}
