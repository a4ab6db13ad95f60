import Foundation
import LabTestSupport
import XCTest

/// `lab search` on a nearly full disk: a search that runs out of room between trials keeps the
/// earlier set, leaves only whole trial files (each the uninterrupted run's, byte for byte), and,
/// once space is freed, resumes to exactly the uninterrupted run's folder; a merge that runs out
/// of room while copying the shards' trial files says so in the same one line.
final class SearchFullDiskTests: XCTestCase {
    static let small = LabSet.smallRuns.first { $0.lab == "search" }!.arguments

    func testFullDiskMidSearchKeepsTheSetLeavesWholeTrialsAndResumesToTheSameFolder() throws {
        try requireLabBinary()
        // The uninterrupted search, on the ordinary disk.
        let reference = try makeTemporaryFolder("search-full-disk")
        let whole = try LabBinary.run(Self.small + ["--seed", "1", "--out", reference.path])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let referenceSet = LabSet(folder: reference.appendingPathComponent("search")).fingerprint
        XCTAssertGreaterThan(referenceSet.keys.filter { $0.hasPrefix("/trials/") }.count, 10)

        let disk = try SmallDisk(size: 2560 << 10, for: self)  // two sets: the old one stays until the new one is in
        let out = disk.url.appendingPathComponent("out")
        let empty = try disk.available
        let first = try LabBinary.run(Self.small + ["--out", out.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let set = LabSet(folder: out.appendingPathComponent("search"))
        let before = set.fingerprint
        let used = empty - (try disk.available)

        // Room for about ten of the search's trial files (a page each on tmpfs), not for all of them.
        try disk.fill(leaving: 10 * SmallDisk.pageSize)
        let full = try LabBinary.run(Self.small + ["--seed", "1", "--out", out.path])
        assertFullDiskFailure(full, writingUnder: out, "search")
        XCTAssertTrue(full.stderr.contains("/search/trials/"), "the search did not stop between trials: \(full.stderr)")
        // The earlier set's files are all there as they were; what was added are the finished
        // trials of the new search, which a resume keeps: each must be whole.
        let stopped = set.fingerprint
        for (name, bytes) in before { XCTAssertEqual(stopped[name], bytes, "\(name) of the earlier set changed") }
        let added = stopped.keys.filter { before[$0] == nil }.sorted()
        XCTAssertFalse(added.isEmpty, "no trial finished before the disk was full")
        for name in added {
            XCTAssertTrue(name.hasPrefix("/trials/"), "\(name) was added to the earlier set")
            XCTAssertEqual(stopped[name], referenceSet[name], "\(name) is not the uninterrupted run's trial file")
        }
        XCTAssertEqual(LabSet.temporaries(under: disk.url), [], "temporaries left on the full disk")
        try disk.free()

        // Merging the reference's trials, on another file system (so they are copied, not linked),
        // with room for the figures and half the trial files.
        let trialBytes = try allocatedBytes(in: reference.appendingPathComponent("search/trials"))
        try disk.fill(leaving: used - trialBytes / 2)
        let merge = try LabBinary.run(["search", "merge", reference.path, "--out", out.path])
        assertFullDiskFailure(merge, writingUnder: out, "search merge")
        XCTAssertEqual(set.fingerprint, stopped, "the merge changed the earlier set")
        XCTAssertEqual(LabSet.temporaries(under: disk.url), [], "temporaries left on the full disk")
        try disk.free()

        // Space freed, the search resumes from the trials it finished and ends as if never stopped.
        let resumed = try LabBinary.run(Self.small + ["--seed", "1", "--out", out.path])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("kept \(added.count) finished ones"), resumed.stdout)
        let final = set.fingerprint
        XCTAssertEqual(final.keys.sorted(), referenceSet.keys.sorted())
        for name in referenceSet.keys.sorted() where final[name] != referenceSet[name] {
            XCTFail("\(name) differs from the uninterrupted run's")
        }
    }

    /// The disk space the files in `folder` take (whole blocks).
    func allocatedBytes(in folder: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).reduce(0) { total, name in
            var s = stat()
            guard stat(folder.appendingPathComponent(name).path, &s) == 0 else { throw LabTestError("cannot stat \(name)") }
            return total + Int(s.st_blocks) * 512
        }
    }
}
