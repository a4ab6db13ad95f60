import Foundation
import LabTestSupport
import XCTest

/// Two runs into one --out write one after the other (the second waits, saying for whom), and a
/// set is always replaced whole, even where the old one has a folder in a figure's place.
final class ConcurrentRunTests: XCTestCase {
    static let small = ["init-study", "--width", "32", "--depth", "3", "--batch", "4", "--scheme", "xavier-tanh,small"]

    func testASecondRunWaitsForTheLockAndSaysWhoHoldsIt() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("lock")
        // This test holds the lock itself, as a first run would.
        let lockFile = out.appendingPathComponent(".init-study.lock")
        let fd = open(lockFile.path, O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let pid = Array("\(getpid())\n".utf8)
        XCTAssertEqual(pwrite(fd, pid, pid.count, 0), pid.count)

        let run = try InterruptTests.Background(Self.small + ["--out", out.path])
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("\n") {
            let chunk = run.errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said.append(chunk)
        }
        XCTAssertTrue(run.process.isRunning, "the second run did not wait")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("init-study").path), "it wrote while waiting")
        close(fd)
        let end = run.wait()
        XCTAssertEqual(end.status, 0, end.stderr)
        XCTAssertEqual(String(decoding: said, as: UTF8.self) + end.stderr,
                       "lab: waiting for \(out.appendingPathComponent("init-study").path), held by PID \(getpid())\n")
        XCTAssertEqual(LabSet(folder: out.appendingPathComponent("init-study")).problems(), [])
    }

    func testConcurrentRunsEndWithOneWholeSet() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("concurrent")
        let runs = try (1...3).map { try InterruptTests.Background(Self.small + ["--out", out.path, "--seed", "\($0)"]) }
        for run in runs { XCTAssertEqual(run.wait().status, 0) }
        let set = LabSet(folder: out.appendingPathComponent("init-study"))
        XCTAssertEqual(set.problems(), [])
        XCTAssertEqual(set.jsons.count, 5)
        XCTAssertEqual(LabSet.temporaries(under: out), [])
    }

    /// The same for labs that write their sets through their own report code: two runs at once
    /// of each end with one whole set, from one of them, and no temporaries.
    func testConcurrentRunsOfOtherLabsEndWithOneWholeSet() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("concurrent-labs")
        for (lab, arguments) in LabSet.smallRuns where lab == "losses" {
            let runs = try (1...2).map { try InterruptTests.Background(arguments + ["--out", out.path, "--seed", "\($0)"]) }
            for run in runs { XCTAssertEqual(run.wait().status, 0, lab) }
            let set = LabSet(folder: out.appendingPathComponent(lab))
            XCTAssertFalse(set.figures.isEmpty, lab)
            XCTAssertEqual(set.problems(), [], lab)
            XCTAssertTrue(["1", "2"].contains(set.seed ?? ""), "\(lab): seed \(set.seed ?? "none")")
        }
        XCTAssertEqual(LabSet.temporaries(under: out), [])
    }

    func testAFolderWhereAFigureGoesIsReplacedWithTheSet() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("blocked")
        let folder = out.appendingPathComponent("init-study")
        XCTAssertEqual(try LabBinary.run(Self.small + ["--out", out.path]).status, 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("summary.png"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("summary.png/inside"), withIntermediateDirectories: true)
        let run = try LabBinary.run(Self.small + ["--out", out.path, "--seed", "1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let set = LabSet(folder: folder)
        XCTAssertEqual(set.problems(), [])
        XCTAssertEqual(set.seed, "1")
        XCTAssertEqual(set.figures.count, 5)
    }
}
