import Dispatch
import Foundation
import NNEngine

/// `(0..<count).map(work)` on all cores, results in index order. Each index must draw its random
/// numbers from its own pre-split generator, so that the result does not depend on scheduling.
/// The first error thrown (by index) is rethrown. BLAS runs single-threaded meanwhile: the tasks
/// already keep every core busy.
func parallelMap<T>(_ count: Int, _ work: (Int) throws -> T) throws -> [T] {
    let lock = NSLock()
    var results = [Result<T, Error>?](repeating: nil, count: count)
    BLASThreads.singleThreaded {
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = Result { try work(i) }
            lock.lock()
            results[i] = value
            lock.unlock()
        }
    }
    return try results.map { try $0!.get() }
}
