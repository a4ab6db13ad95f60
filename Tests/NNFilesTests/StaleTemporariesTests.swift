import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// Temporaries carry their process's PID; those of dead processes are removed, others kept.
final class StaleTemporariesTests: XCTestCase {
    func testOwnerIsReadFromEveryTemporaryName() {
        XCTAssertEqual(StaleTemporaries.owner(ofTemporaryNamed: ".summary.png.1234.tmp"), 1234)
        XCTAssertEqual(StaleTemporaries.owner(ofTemporaryNamed: ".init-study.staging-77-aB3dE9"), 77)
        XCTAssertEqual(StaleTemporaries.owner(ofTemporaryNamed: ".init-study.trash-77-aB3dE9"), 77)
        XCTAssertEqual(StaleTemporaries.owner(ofTemporaryNamed: ".gnuplot-5-XyZ012"), 5)
        XCTAssertEqual(StaleTemporaries.owner(ofTemporaryNamed: ".augment-staging-901"), 901)
        for name in ["summary.png", ".init-study.lock", ".hidden", ".a.b.tmp", ".x.staging-12", "notes.1234.tmp"] {
            XCTAssertNil(StaleTemporaries.owner(ofTemporaryNamed: name), name)
        }
    }

    func testRemovesOnlyTheDeadProcesses() throws {
        let folder = try makeTemporaryFolder("files")
        let dead = try exitedProcessID()
        XCTAssertFalse(StaleTemporaries.isAlive(dead))
        let mine = getpid()
        let names = [".a.json.\(dead).tmp", ".lab.staging-\(dead)-abcdef", ".gnuplot-\(dead)-abcdef",
                     ".b.json.\(mine).tmp", ".lab.staging-\(mine)-abcdef", ".lab.lock", "figure.png"]
        for name in names {
            if name.contains("staging") || name.contains("gnuplot") {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(name).appendingPathComponent("inner"),
                                                        withIntermediateDirectories: true)
            } else {
                try Data().write(to: folder.appendingPathComponent(name))
            }
        }
        XCTAssertEqual(StaleTemporaries.remove(in: folder).sorted(), names.prefix(3).sorted())
        XCTAssertEqual(folderContents(folder), names.suffix(4).sorted())
    }
}
