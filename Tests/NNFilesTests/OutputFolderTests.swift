import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// A run replaces its folder's whole set or nothing, under a lock that a second run waits for.
final class OutputFolderTests: XCTestCase {
    func testReplacesTheWholeFolderAndKeepsItsMode() throws {
        let root = try makeTemporaryFolder("files")
        let url = root.appendingPathComponent("lab")
        try OutputFolder(url).replace { try Data("1".utf8).write(to: $0.appendingPathComponent("old-only.txt")) }
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: url.path)
        try OutputFolder(url).replace { try AtomicFile.write(Data("2".utf8), to: $0.appendingPathComponent("new.txt")) }
        XCTAssertEqual(folderContents(url), ["new.txt"], "the earlier set's files go with it")
        XCTAssertEqual(folderContents(root), ["lab"], "no staging folder or lock file left")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o750)
    }

    func testAFailedRunLeavesTheOldSetAndNamesFinalPaths() throws {
        let root = try makeTemporaryFolder("files")
        let url = root.appendingPathComponent("lab")
        try OutputFolder(url).replace { try Data("old".utf8).write(to: $0.appendingPathComponent("a.txt")) }
        assertLabError(try OutputFolder(url).replace { staging in
            try AtomicFile.write(Data("new".utf8), to: staging.appendingPathComponent("a.txt"))
            try AtomicFile.commit(staging.appendingPathComponent(".missing.tmp"), to: staging.appendingPathComponent("b.txt"))
        }, contains: ["cannot write \(url.standardizedFileURL.path)/b.txt"])
        XCTAssertEqual(try String(contentsOf: url.appendingPathComponent("a.txt"), encoding: .utf8), "old")
        XCTAssertEqual(folderContents(root), ["lab"])
    }

    func testAddedFilesLeaveTheRestAndFinishAKilledMove() throws {
        let folder = try makeTemporaryFolder("files")
        try Data("mine".utf8).write(to: folder.appendingPathComponent("photo.png"))
        try OutputFolder(folder, scope: .addedFiles).replace { try Data("1".utf8).write(to: $0.appendingPathComponent("copy-1.png")) }
        XCTAssertEqual(folderContents(folder), ["copy-1.png", "photo.png"])
        // A run killed while moving its complete set in: the next run finishes the move.
        let dead = try exitedProcessID()
        let staging = folder.appendingPathComponent(".out.staging-\(dead)-abcdef")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        for name in [OutputFolder.completeMarker, "copy-2.png"] { try Data().write(to: staging.appendingPathComponent(name)) }
        _ = try OutputFolder(folder, scope: .addedFiles)
        XCTAssertEqual(folderContents(folder), ["copy-1.png", "copy-2.png", "photo.png"])
    }

    func testASecondRunWaitsAndSaysForWhom() throws {
        let url = try makeTemporaryFolder("files").appendingPathComponent("lab")
        var first: OutputFolder? = try OutputFolder(url)
        let waiting = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let notes = NoteBox()
        DispatchQueue.global().async {
            let second = try? OutputFolder(url, note: { notes.add($0); waiting.signal() })
            _ = try? second?.replace { try Data("second".utf8).write(to: $0.appendingPathComponent("a.txt")) }
            done.signal()
        }
        waiting.wait()
        XCTAssertEqual(notes.lines, ["lab: waiting for \(url.standardizedFileURL.path), held by PID \(getpid())"])
        try first?.replace { try Data("first".utf8).write(to: $0.appendingPathComponent("a.txt")) }
        first = nil
        done.wait()
        XCTAssertEqual(try String(contentsOf: url.appendingPathComponent("a.txt"), encoding: .utf8), "second")
        XCTAssertEqual(notes.lines.count, 1, "the waiting line is said once")
    }
}

/// Lines noted by another thread.
private final class NoteBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
