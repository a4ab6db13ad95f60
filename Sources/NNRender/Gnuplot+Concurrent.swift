import Foundation
import NNEngine

extension Gnuplot {
    /// Runs each script in its own gnuplot process, all at the same time and all in `folder`
    /// (see `run(script:in:)`), and waits for all.
    /// - Throws: the first failure in script order, after every process has finished.
    public static func runConcurrently(scripts: [String], in folder: URL? = nil) throws {
        guard scripts.count > 1 else {
            if let script = scripts.first { try run(script: script, in: folder) }
            return
        }
        let failures = FailureCollector(count: scripts.count)
        // One thread a script, whatever the core count: each only waits on its own gnuplot.
        Parallel.run(workers: scripts.count) { i in
            do { try run(script: scripts[i], in: folder) } catch { failures.record(error, at: i) }
        }
        if let error = failures.first { throw error }
    }
}

/// The errors of concurrently running scripts, one slot per script, guarded by a lock.
private final class FailureCollector: @unchecked Sendable {
    private var errors: [Error?]
    private let lock = NSLock()
    init(count: Int) { errors = Array(repeating: nil, count: count) }
    func record(_ error: Error, at index: Int) { lock.lock(); errors[index] = error; lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return errors.compactMap { $0 }.first }
}
