import Foundation

/// Work split over the cores, one way for the whole project (the dropout lab's nets, batch
/// grading, the augment lab's batch workers, the engine's random fills and histograms): `workers`
/// threads of our own, the calling thread being worker 0, rather than `DispatchQueue.concurrentPerform`.
///
/// Why threads: on Linux, libdispatch's pool decides from the machine's load whether to add a
/// worker, and the augment lab's batch mode was seen running on one core of a busy machine.
/// Measured on the 2-core build machine (2 workers × 0.27 s of arithmetic each): idle,
/// `concurrentPerform` 0.27 s at 1.96–1.99 cores busy, threads 0.27 s at 1.99–2.00; with two
/// busy processes beside them, 0.96–1.09 s against 1.09–1.10 s, both at 0.5–0.58. The two are
/// equal where libdispatch adds its worker; threads are chosen because they do not depend on
/// that decision. A starting thread costs tens of microseconds, nothing beside a lab's tasks.
///
/// Every task must draw its random numbers from its own pre-split stream, so that results do not
/// depend on which worker ran what, or when.
public enum Parallel {
    /// Workers enough to keep every core busy.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `body(worker)` for `worker` in `0..<count`, each on its own thread (worker 0 on the
    /// calling thread), and returns when all have finished. A `count` below 2 runs `body(0)` here.
    public static func run(workers count: Int, _ body: (Int) -> Void) {
        guard count > 1 else { body(0); return }
        withoutActuallyEscaping(body) { body in
            // Safe to hand to other threads: `run` waits for every one of them before returning,
            // and drops the box's reference first, since a finished `Thread` may still hold the box.
            let shared = Unchecked(body)
            defer { shared.value = nil }
            let group = DispatchGroup()
            for worker in 1..<count {
                group.enter()
                Thread {
                    shared.value?(worker)
                    group.leave()
                }.start()
            }
            body(0)
            group.wait()
        }
    }

    /// `body(i)` for every `i` in `0..<count`, on all cores: each worker takes the next index not
    /// yet taken, so uneven tasks still share the cores. Returns when all are done.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        let lock = NSLock()
        var next = 0
        run(workers: Swift.min(count, coreCount)) { _ in
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                guard i < count else { return }
                body(i)
            }
        }
    }

    /// `(0..<count).map(work)` on all cores, results in index order (see `forEach`). The first
    /// error thrown (by index) is rethrown. BLAS runs single-threaded meanwhile (see
    /// `BLASThreads`): the tasks already keep every core busy.
    public static func map<T>(_ count: Int, _ work: (Int) throws -> T) throws -> [T] {
        let lock = NSLock()
        var results = [Result<T, Error>?](repeating: nil, count: count)
        BLASThreads.singleThreaded {
            forEach(count) { i in
                let value = Result { try work(i) }
                lock.lock()
                results[i] = value
                lock.unlock()
            }
        }
        return try results.map { try $0!.get() }
    }
}

/// A value passed to another thread whose lifetime the caller guarantees (see `Parallel.run`).
private final class Unchecked<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: Value) { self.value = value }
}
