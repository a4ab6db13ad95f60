import Foundation

/// Runs `body(worker)` for `worker` in `0..<count`, each on its own thread, and waits for all.
///
/// Plain threads rather than `DispatchQueue.concurrentPerform`: on Linux, libdispatch's thread
/// pool declines to add a worker while the machine's load is high, which left the batch mode on
/// one core on a busy machine. A batch is long enough that two thread starts cost nothing.
enum Workers {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else { body(0); return }
        let group = DispatchGroup()
        for worker in 1..<count {
            group.enter()
            let thread = Thread {
                body(worker)
                group.leave()
            }
            thread.start()
        }
        body(0)
        group.wait()
    }
}
