import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// `AtomicFile.copy`, which a search's merge uses for trial files it cannot hard-link (shards on
/// another file system): the bytes arrive whole, and a full disk is the standard one line.
final class AtomicFileCopyTests: XCTestCase {
    func testCopyWritesTheSameBytesAndNoTemporary() throws {
        let folder = try makeTemporaryFolder("copy")
        let source = folder.appendingPathComponent("trial.json")
        let bytes = Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: source)
        let target = folder.appendingPathComponent("out/trial.json")
        try AtomicFile.copy(source, to: target)
        XCTAssertEqual(try Data(contentsOf: target), bytes)
        XCTAssertEqual(folderContents(target.deletingLastPathComponent()), ["trial.json"])
        assertLabError(try AtomicFile.copy(folder.appendingPathComponent("missing.json"), to: target),
                       contains: ["cannot read", "missing.json"])
    }

    /// A copy onto a full disk names the disk and the file, and leaves neither a partial file nor
    /// a temporary (before, FileManager's copy said "The operation could not be completed").
    func testCopyOntoAFullDiskSaysSoAndLeavesNothing() throws {
        let folder = try makeTemporaryFolder("copy")
        let source = folder.appendingPathComponent("trial.json")
        try Data(count: 96 << 10).write(to: source)
        let disk = try SmallDisk(size: 256 << 10, for: self)
        try disk.fill(leaving: 32 << 10)
        let target = disk.url.appendingPathComponent("trials/trial.json")
        assertLabError(try AtomicFile.copy(source, to: target), contains: ["no space left on device writing \(target.path)"])
        XCTAssertEqual(folderContents(target.deletingLastPathComponent()), [])
    }
}
