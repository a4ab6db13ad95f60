import Foundation
import LabTestSupport
import XCTest

/// A run on a full disk says so in one line and leaves the earlier set exactly as it was.
final class FullDiskTests: XCTestCase {
    /// A 200 KiB tmpfs, unmounted when the test ends; skips where mounting is not allowed.
    func mountSmallDisk() throws -> URL {
        let mountPoint = try makeTemporaryFolder("disk")
        let mount = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=200k", "tmpfs", mountPoint.path])
        guard mount.status == 0 else {
            throw XCTSkip("cannot mount a 200 KiB tmpfs for the full-disk test (needs root or CAP_SYS_ADMIN): \(mount.output)")
        }
        addTeardownBlock { _ = try? self.run("/bin/umount", [mountPoint.path]) }
        return mountPoint
    }

    func testFullDiskSaysSoAndKeepsTheEarlierSet() throws {
        try requireLabBinary()
        let disk = try mountSmallDisk()
        let out = disk.appendingPathComponent("out")
        // A small good set (three small figures, ~60 KiB), then runs that cannot fit: the same
        // lab with every scheme at full size, and a contact sheet, which is bigger still.
        let small = ["init-study", "--width", "16", "--depth", "2", "--batch", "4", "--scheme", "xavier-tanh",
                     "--size", "200x150", "--out", out.path]
        let first = try LabBinary.run(small)
        XCTAssertEqual(first.status, 0, first.stderr)
        let set = LabSet(folder: out.appendingPathComponent("init-study"))
        let before = set.fingerprint
        XCTAssertEqual(before.count, 6)

        // A run that cannot fit at all, then the same small run with the disk filled to 20 KiB
        // of free space (as on a disk that is nearly full), then a contact sheet.
        let filler = disk.appendingPathComponent("filler")
        let runs: [(arguments: [String], fill: Bool)] = [
            (["init-study", "--width", "16", "--depth", "2", "--batch", "4", "--seed", "1", "--out", out.path], false),
            (small + ["--seed", "1"], true),
            (["augment", "--transform", "hflip", "--samples", "1", "--out", out.path], false),
        ]
        for (arguments, fill) in runs {
            if fill { try fillDisk(disk, leaving: 20 << 10, with: filler) }
            let full = try LabBinary.run(arguments)
            XCTAssertNotEqual(full.status, 0, "a run that cannot fit succeeded: \(arguments)")
            XCTAssertEqual(full.stderrLines.count, 1, full.stderr)
            XCTAssertTrue(full.stderr.hasPrefix("lab: error: no space left on device writing \(out.path)/"), full.stderr)
            XCTAssertEqual(set.fingerprint, before, "the earlier set changed")
            XCTAssertEqual(LabSet.temporaries(under: disk), [], "temporaries left on the full disk")
            try? FileManager.default.removeItem(at: filler)
        }
    }

    /// Writes `filler` until the file system holding `disk` has about `free` bytes left.
    func fillDisk(_ disk: URL, leaving free: UInt64, with filler: URL) throws {
        let available = try XCTUnwrap(try disk.resourceValues(forKeys: [.volumeAvailableCapacityKey]).volumeAvailableCapacity)
        try Data(count: Int(max(0, Int64(available) - Int64(free)))).write(to: filler)
    }

    /// Runs a system tool, returning its status and what it printed.
    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
