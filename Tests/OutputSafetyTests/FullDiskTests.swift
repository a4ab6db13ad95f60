import Foundation
import LabTestSupport
import XCTest

/// A run on a full disk says so in one line and leaves the earlier set exactly as it was.
final class FullDiskTests: XCTestCase {
    func testFullDiskSaysSoAndKeepsTheEarlierSet() throws {
        try requireLabBinary()
        let disk = try SmallDisk(size: 200 << 10, for: self)
        let out = disk.url.appendingPathComponent("out")
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
        let runs: [(arguments: [String], fill: Bool)] = [
            (["init-study", "--width", "16", "--depth", "2", "--batch", "4", "--seed", "1", "--out", out.path], false),
            (small + ["--seed", "1"], true),
            (["augment", "--transform", "hflip", "--samples", "1", "--out", out.path], false),
        ]
        for (arguments, fill) in runs {
            if fill { try disk.fill(leaving: 20 << 10) }
            let full = try LabBinary.run(arguments)
            assertFullDiskFailure(full, writingUnder: out, arguments.joined(separator: " "))
            XCTAssertEqual(set.fingerprint, before, "the earlier set changed")
            XCTAssertEqual(LabSet.temporaries(under: disk.url), [], "temporaries left on the full disk")
            try? disk.free()
        }
    }
}
