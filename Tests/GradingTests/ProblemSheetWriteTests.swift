import Foundation
import Grading
import LabTestSupport
import XCTest

/// A student's problem folder gets its problem.json and README.md together or not at all, and
/// nothing else in the folder is touched.
final class ProblemSheetWriteTests: XCTestCase {
    let exercise = try! ExerciseCatalog.named("dropout")
    let courseKey = CourseKey(bytes: Array("problem-sheet-secret".utf8))

    func testWritesBothFilesAndKeepsTheStudentsOwn() throws {
        let folder = try makeTemporaryFolder("problem-sheet").appendingPathComponent("alice")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("submission.json"))
        try ProblemSheet.write(exercise, student: try StudentID("alice"), key: .practice, to: folder)
        try ProblemSheet.write(exercise, student: try StudentID("alice"), key: courseKey, to: folder)
        XCTAssertEqual(folderContents(folder), ["README.md", "problem.json", "submission.json"])
        let problem = try String(contentsOf: folder.appendingPathComponent("problem.json"), encoding: .utf8)
        XCTAssertEqual(problem, ProblemSheet.json(exercise, student: try StudentID("alice"),
                                                  inputs: Grader.problem(exercise, student: try StudentID("alice"), key: courseKey)))
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8).contains("--course-key"))
    }

    /// On a disk with room for one of the two files (a tmpfs page), neither is written: before,
    /// a new student's folder kept a problem.json without its README.md, and a student's folder
    /// remade with another key could pair the new problem with the old README.
    func testFullDiskWritesNeitherFile() throws {
        let disk = try SmallDisk(size: 256 << 10, for: self)
        let dave = disk.url.appendingPathComponent("dave"), erin = disk.url.appendingPathComponent("erin")
        try ProblemSheet.write(exercise, student: try StudentID("dave"), key: .practice, to: dave)
        let before = try folderContents(dave).map { try Data(contentsOf: dave.appendingPathComponent($0)) }
        try disk.fill(leaving: SmallDisk.pageSize)
        for (student, folder) in [("erin", erin), ("dave", dave)] {
            assertLabError(try ProblemSheet.write(exercise, student: try StudentID(student), key: courseKey, to: folder),
                           contains: ["no space left on device writing \(folder.path)/"])
        }
        XCTAssertEqual(folderContents(erin), [])
        XCTAssertEqual(folderContents(dave), ["README.md", "problem.json"])
        XCTAssertEqual(try folderContents(dave).map { try Data(contentsOf: dave.appendingPathComponent($0)) }, before)
    }
}
