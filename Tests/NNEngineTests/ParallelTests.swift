import Foundation
import NNEngine
import XCTest

/// `Parallel`: every worker runs once, `map` keeps index order whatever the scheduling, and the
/// error of the lowest failing index is the one rethrown.
final class ParallelTests: XCTestCase {
    func testRunCallsEveryWorkerOnce() {
        for count in [1, 2, 5] {
            let lock = NSLock()
            var seen: [Int] = []
            Parallel.run(workers: count) { worker in
                lock.lock()
                seen.append(worker)
                lock.unlock()
            }
            XCTAssertEqual(seen.sorted(), Array(0..<count), "\(count) workers")
        }
    }

    func testMapKeepsIndexOrder() throws {
        // Uneven work, so that the tasks finish out of order.
        let squares = try Parallel.map(40) { i -> Int in
            usleep(useconds_t((i % 7) * 200))
            return i * i
        }
        XCTAssertEqual(squares, (0..<40).map { $0 * $0 })
        XCTAssertEqual(try Parallel.map(0) { $0 }, [])
    }

    func testMapRethrowsTheLowestIndexError() {
        struct Failure: Error, Equatable { let index: Int }
        XCTAssertThrowsError(try Parallel.map(20) { i -> Int in
            if i % 5 == 3 { throw Failure(index: i) }
            return i
        }) { error in
            XCTAssertEqual(error as? Failure, Failure(index: 3))
        }
    }
}
