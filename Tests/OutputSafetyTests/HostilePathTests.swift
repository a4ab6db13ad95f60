import Foundation
import LabTestSupport
import XCTest

/// No text a user supplies reaches a shell: output folders, the working directory and image
/// names full of gnuplot's backquotes, macros and quotes are written to and nothing is run.
final class HostilePathTests: XCTestCase {
    /// A folder name that, were it inside a gnuplot double-quoted string, would run `touch`
    /// (in $HOME, which the runs set to a folder of the test's).
    static let hostile = "o`cd;touch PWNED`'@x\"$(touch PWNED2)"

    func testEveryLabWritesToHostilePathsAndRunsNothing() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("hostile")
        let home = root.appendingPathComponent("home")
        let cwd = root.appendingPathComponent("cwd`cd;touch PWNED3`")
        for folder in [home, cwd] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        let out = cwd.appendingPathComponent(Self.hostile)

        for (lab, arguments) in LabSet.smallRuns {
            // A relative --out, resolved against the hostile working directory.
            let run = try LabBinary.run(arguments + ["--out", Self.hostile], environment: environment, in: cwd)
            XCTAssertEqual(run.status, 0, "\(lab): \(run.stderr)")
            let set = LabSet(folder: out.appendingPathComponent(lab))
            XCTAssertFalse(set.figures.isEmpty, lab)
            XCTAssertEqual(set.problems(), [], lab)
        }
        // An image whose name is captioned on the sheets, and batch mode into a hostile folder.
        let image = cwd.appendingPathComponent("cat`cd;touch PWNED4`.png")
        let sheets = try LabBinary.run(["augment", "--transform", "hflip", "--samples", "1", "--out", Self.hostile,
                                        "--image", try bundledCat(copiedTo: image).path], environment: environment, in: cwd)
        XCTAssertEqual(sheets.status, 0, sheets.stderr)
        let batch = try LabBinary.run(["augment", "--pipeline", "flip", "--count", "2", "--image", image.path, "--out", Self.hostile + "-batch"],
                                      environment: environment, in: cwd)
        XCTAssertEqual(batch.status, 0, batch.stderr)

        // Grading: one student, then a class, from a hostile folder into a hostile folder.
        let submissions = cwd.appendingPathComponent("subs`cd;touch PWNED5`")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: submissions.appendingPathComponent("alice.json"))
        let roster = submissions.appendingPathComponent("roster`cd;touch PWNED6`.csv")
        try Data("student\nalice\n".utf8).write(to: roster)
        for arguments in [["grade", "dropout", submissions.appendingPathComponent("alice.json").path, "--student", "alice"],
                          ["grade", "dropout", "--submissions", submissions.path, "--roster", roster.path]] {
            let grade = try LabBinary.run(arguments + ["--out", Self.hostile + "-grades"], environment: environment, in: cwd)
            XCTAssertEqual(grade.status, 0, grade.stderr)
        }
        XCTAssertEqual(LabSet(folder: cwd.appendingPathComponent(Self.hostile + "-grades/dropout")).problems(), [])

        // Every payload would `touch` a file named PWNED… in $HOME or beside the run.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: home.path), [], "a command in a path was run")
        let ran = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { ($0 as NSString).lastPathComponent.hasPrefix("PWNED") }
        XCTAssertEqual(ran, [], "a command in a path was run")
        XCTAssertEqual(LabSet.temporaries(under: root), [])
    }

    /// The bundled cat, copied to `url`.
    func bundledCat(copiedTo url: URL) throws -> URL {
        let cat = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("labs/data/chelsea.png")
        try FileManager.default.copyItem(at: cat, to: url)
        return url
    }
}
