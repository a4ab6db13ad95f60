import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// Atomic writes and the folder checks that turn file-system trouble into one-line errors.
final class AtomicFileTests: XCTestCase {
    func testWriteLeavesNoTemporaryFileAndReplaces() throws {
        let folder = try makeTemporaryFolder("files")
        let url = folder.appendingPathComponent("nested/deeper/out.txt")
        try AtomicFile.write(Data("first".utf8), to: url)
        try AtomicFile.write(Data("second".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(folderContents(url.deletingLastPathComponent()), ["out.txt"])
        XCTAssertTrue(AtomicFile.temporaryURL(for: url).lastPathComponent.hasPrefix(".out.txt."))
        XCTAssertTrue(AtomicFile.temporaryURL(for: url).lastPathComponent.hasSuffix(".tmp"))
    }

    func testFolderUnderARegularFileFails() throws {
        let folder = try makeTemporaryFolder("files")
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        assertLabError(try AtomicFile.write(Data("y".utf8), to: file.appendingPathComponent("sub/out.json")),
                       contains: ["cannot create output folder", "--out"])
        assertLabError(try AtomicFile.makeDirectory(file), contains: ["is a file, not a folder"])
        XCTAssertEqual(folderContents(folder), ["plain"])
    }

    func testReadOnlyFolderFails() throws {
        // Root ignores permission bits; the regular-file case above covers it there.
        guard permissionsAreEnforced else { throw XCTSkip("running as root: permissions are not enforced") }
        let folder = try makeTemporaryFolder("files")
        let readOnly = folder.appendingPathComponent("read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: readOnly.path)
        addTeardownBlock { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: readOnly.path) }
        assertLabError(try AtomicFile.write(Data("y".utf8), to: readOnly.appendingPathComponent("out.json")),
                       contains: ["not writable", "--out"])
    }

    func testCommitOfMissingTemporaryFails() throws {
        let folder = try makeTemporaryFolder("files")
        assertLabError(try AtomicFile.commit(folder.appendingPathComponent(".missing.tmp"), to: folder.appendingPathComponent("out")),
                       contains: ["cannot write"])
    }
}
