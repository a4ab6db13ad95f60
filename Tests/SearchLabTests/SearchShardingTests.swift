import Foundation
import LabTestSupport
import XCTest

/// A search split over 3 processes and merged gives the bytes of a one-process run; a merge of
/// mixed or incomplete folders, and a malformed --shard, get one clear line.
final class SearchShardingTests: XCTestCase {
    func testThreeShardsInSeparateProcessesMergeToTheOneProcessRun() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("search-shards")
        let whole = root.appendingPathComponent("whole"), shared = root.appendingPathComponent("shared")
        let merged = root.appendingPathComponent("merged")
        let one = try LabBinary.run(["search", "--out", whole.path] + SearchFolders.tinySearch())
        XCTAssertEqual(one.status, 0, one.stderr)

        // Three shards at once, run once per stage (the fine stage needs stage 1's results,
        // stage 3 stage 2's): the README's workflow.
        var outputs: [[String]] = []
        for round in 0..<3 {
            let runs = try runConcurrently((0..<3).map { ["search", "--shard", "\($0)/3", "--out", shared.path] + SearchFolders.tinySearch() })
            for run in runs { XCTAssertEqual(run.status, 0, run.stderr) }
            outputs.append(runs.map(\.stdout))
            XCTAssertFalse(FileManager.default.fileExists(atPath: shared.appendingPathComponent("search/grid-vs-random.json").path),
                           "a shard draws no figures (round \(round))")
        }
        // The shards race: one that finishes first may still wait for another's last trials.
        XCTAssert(outputs[2].contains { $0.contains("every stage is complete") }, "\(outputs[2])")
        let merge = try LabBinary.run(["search", "merge", shared.path, "--out", merged.path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        SearchFolders.assertIdentical(whole.appendingPathComponent("search"), merged.appendingPathComponent("search"))
        // The shards' own trial files are the one-process run's, byte for byte.
        let trials = SearchFolders.files(shared.appendingPathComponent("search/trials"))
        XCTAssertEqual(trials, SearchFolders.files(whole.appendingPathComponent("search/trials")))

        // A merge over the folders of two different searches, and one with a trial missing.
        let other = root.appendingPathComponent("other")
        var otherSearch = SearchFolders.tinySearch()
        otherSearch[otherSearch.count - 1] = "6"
        let second = try LabBinary.run(["search", "--shard", "0/4", "--out", other.path] + otherSearch)
        XCTAssertEqual(second.status, 0, second.stderr)
        let mixed = try LabBinary.run(["search", "merge", whole.path, other.path, "--out", root.appendingPathComponent("mixed").path])
        XCTAssertNotEqual(mixed.status, 0)
        XCTAssertEqual(mixed.stderrLines.count, 1, mixed.stderr)
        XCTAssert(mixed.stderr.hasPrefix("lab: error: the folders hold trials of 2 different searches"), mixed.stderr)

        let gone = try XCTUnwrap(trials.keys.sorted().first { $0.hasSuffix("-trial-0003.json") })
        try FileManager.default.removeItem(at: shared.appendingPathComponent("search/trials/\(gone)"))
        let incomplete = try LabBinary.run(["search", "merge", shared.path, "--out", root.appendingPathComponent("incomplete").path])
        XCTAssertNotEqual(incomplete.status, 0)
        XCTAssertEqual(incomplete.stderrLines.count, 1, incomplete.stderr)
        XCTAssert(incomplete.stderr.contains("is incomplete: stage 1 of 3 lacks 1 of its 15 trials: 3;"), incomplete.stderr)
    }

    func testMalformedShardGetsOneLine() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("search-bad-shard")
        for (shard, fragment) in [("0/0", "at least 1"), ("3/2", "must be 0 to 1"), ("-1/2", "must be 0 to 1"), ("a/b", "is not I/N")] {
            let run = try LabBinary.run(["search", "--shard=\(shard)", "--out", out.path] + SearchFolders.tinySearch())
            XCTAssertNotEqual(run.status, 0, shard)
            XCTAssertEqual(run.stderrLines.count, 1, run.stderr)
            XCTAssert(run.stderr.hasPrefix("lab: error: --shard '\(shard)'") && run.stderr.contains(fragment), run.stderr)
        }
        let empty = try LabBinary.run(["search", "merge", out.path, "--out", out.path])
        XCTAssertNotEqual(empty.status, 0)
        XCTAssertEqual(empty.stderrLines.count, 1, empty.stderr)
        XCTAssert(empty.stderr.contains("no trial files in"), empty.stderr)
        XCTAssertEqual(SearchFolders.files(out).count, 0, "a refused run writes nothing")
    }

    /// Runs each argument list as its own `lab` process, all at once.
    func runConcurrently(_ argumentLists: [[String]]) throws -> [LabBinary.Run] {
        let lock = NSLock()
        var runs = [LabBinary.Run?](repeating: nil, count: argumentLists.count)
        var failure: Error?
        DispatchQueue.concurrentPerform(iterations: argumentLists.count) { i in
            do {
                let run = try LabBinary.run(argumentLists[i])
                lock.lock(); runs[i] = run; lock.unlock()
            } catch {
                lock.lock(); failure = error; lock.unlock()
            }
        }
        if let failure { throw failure }
        return runs.map { $0! }
    }
}
