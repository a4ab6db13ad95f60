import LabTestSupport
import NNEngine
import SearchLab
import XCTest

/// `--shard I/N`: parsing, and which trials a shard owns.
final class ShardTests: XCTestCase {
    func testParsesAndOwnsEveryNthTrial() throws {
        let shard = try Shard(parsing: "1/3")
        XCTAssertEqual(shard, Shard(index: 1, count: 3))
        XCTAssertEqual((0..<10).filter(shard.owns), [1, 4, 7])
        // Every trial belongs to exactly one shard.
        let shards = try (0..<3).map { try Shard(parsing: "\($0)/3") }
        for i in 0..<30 { XCTAssertEqual(shards.filter { $0.owns(i) }.count, 1, "trial \(i)") }
    }

    func testRejectsMalformedShards() {
        assertLabError(try Shard(parsing: "0/0"), contains: ["--shard '0/0'", "at least 1"])
        assertLabError(try Shard(parsing: "3/2"), contains: ["--shard '3/2'", "0 to 1"])
        assertLabError(try Shard(parsing: "-1/2"), contains: ["--shard '-1/2'", "0 to 1"])
        assertLabError(try Shard(parsing: "a/b"), contains: ["--shard 'a/b'", "is not I/N"])
        assertLabError(try Shard(parsing: "1"), contains: ["is not I/N"])
        assertLabError(try Shard(parsing: "1/2/3"), contains: ["is not I/N"])
    }
}
