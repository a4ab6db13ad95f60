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

    func testCopyTreeKeepsFoldersModesAndLinks() throws {
        let folder = try makeTemporaryFolder("copy")
        let source = folder.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("labs/grading"), withIntermediateDirectories: true)
        try Data("// swift-tools-version".utf8).write(to: source.appendingPathComponent("Package.swift"))
        try Data("#!/bin/sh\n".utf8).write(to: source.appendingPathComponent("labs/run.sh"))
        chmod(source.appendingPathComponent("labs/run.sh").path, 0o755)
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("link").path, withDestinationPath: "Package.swift")
        let copy = folder.appendingPathComponent("copy")
        try AtomicFile.copyTree(source, to: copy)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: copy.path).sorted(),
                       ["Package.swift", "labs", "labs/grading", "labs/run.sh", "link"])
        XCTAssertEqual(try Data(contentsOf: copy.appendingPathComponent("labs/run.sh")), Data("#!/bin/sh\n".utf8))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: copy.appendingPathComponent("labs/run.sh").path))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: copy.appendingPathComponent("link").path), "Package.swift")
    }

    /// A folder copied onto a full disk stops at the first file that does not fit, with the
    /// standard line (before, a Gradescope bundle printed FileManager's NSCocoaErrorDomain error).
    func testCopyTreeOntoAFullDiskSaysSo() throws {
        let folder = try makeTemporaryFolder("copy")
        for name in ["a", "b", "c"] { try Data(count: 40 << 10).write(to: folder.appendingPathComponent(name)) }
        let disk = try SmallDisk(size: 256 << 10, for: self)
        try disk.fill(leaving: 64 << 10)
        let target = disk.url.appendingPathComponent("copy")
        assertLabError(try AtomicFile.copyTree(folder, to: target), contains: ["no space left on device writing \(target.path)/b"])
        XCTAssertEqual(folderContents(target), ["a"])
    }
}
