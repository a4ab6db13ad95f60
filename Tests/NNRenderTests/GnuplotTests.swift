import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNRender

/// Locating and running gnuplot, and the script text helpers.
final class GnuplotTests: XCTestCase {
    func testLocatesGnuplotOnPath() throws {
        let url = try Gnuplot.locate()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: url.path), url.path)
        XCTAssertEqual(try Gnuplot.locate(environment: ["NNLAB_GNUPLOT": url.path, "PATH": "/nonexistent"]), url)
    }

    func testMissingGnuplotOnPathSaysWhatToInstall() {
        assertLabError(try Gnuplot.locate(environment: ["PATH": "/nonexistent"]), contains: ["gnuplot", "apt-get install gnuplot-nox"])
        assertLabError(try Gnuplot.locate(environment: [:]), contains: ["apt-get install gnuplot-nox"])
    }

    func testNonExecutableNNLABGnuplotSaysWhatToInstall() throws {
        let folder = try makeTemporaryFolder("render")
        let notExecutable = folder.appendingPathComponent("gnuplot")
        try Data("#!/bin/sh\n".utf8).write(to: notExecutable)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: notExecutable.path)
        for path in [notExecutable.path, "/nonexistent/gnuplot"] {
            let environment = ["NNLAB_GNUPLOT": path, "PATH": "/usr/bin:/bin"]
            XCTAssertThrowsError(try Gnuplot.locate(environment: environment)) { error in
                guard let message = (error as? LabError)?.message else { return XCTFail("\(error) is not a LabError") }
                XCTAssertTrue(message.contains("NNLAB_GNUPLOT") && message.contains(path), message)
            }
        }
        assertLabError(try Gnuplot.locate(environment: ["NNLAB_GNUPLOT": "/nonexistent/gnuplot"]),
                       contains: ["apt-get install gnuplot-nox"])
    }

    func testScriptErrorThrowsGnuplotFailed() {
        assertLabError(try Gnuplot.run(script: "this is not a gnuplot command\n"), contains: ["gnuplot failed"])
        assertLabError(try Gnuplot.run(script: "plot $nodata using 1:2\n"), contains: ["gnuplot failed"])
    }

    func testValidScriptRuns() throws {
        // Exercises the stdin/stderr pipes with a script that writes many warnings.
        let warnings = String(repeating: "print \"warning line that goes to stderr\"\n", count: 5000)
        try Gnuplot.run(script: warnings + "x = 1\n")
    }

    func testQuotedIsSingleQuotedWithLinesConcatenated() {
        // Single quotes: no backslash escapes, no backquote or macro expansion.
        XCTAssertEqual(Gnuplot.quoted("a \"b\" \\ c\nd"), "'a \"b\" \\ c'.\"\\n\".'d'")
        XCTAssertEqual(Gnuplot.quoted("it's `date` @x"), "'it'.\"'\".'s `date` @x'")
        XCTAssertEqual(Gnuplot.quoted("cr\rtab\t"), "'cr tab\t'")
        XCTAssertEqual(Gnuplot.quoted(""), "''")
    }

    /// gnuplot itself reads every quoted text back unchanged and runs nothing: each text is
    /// printed by gnuplot and compared, and the commands in backquotes would create files.
    func testQuotedTextRunsNothingAndReadsBackVerbatim() throws {
        let folder = try makeTemporaryFolder("render")
        let texts = ["`touch RAN1`", "a\"`touch RAN2`\"b", "'`touch RAN3`'", "@RAN4 $(touch RAN5)", "line 1\nline `touch RAN6`",
                     "back\\slash\\", "it's", "''`touch RAN7`''", "ünïcødé ✓"]
        let script = "set print 'printed.txt'\n" + texts.map { "print \(Gnuplot.quoted($0))\n" }.joined() + "unset print\n"
        try Gnuplot.run(script: script, in: folder)
        let printed = try String(contentsOf: folder.appendingPathComponent("printed.txt"), encoding: .utf8)
        XCTAssertEqual(printed, texts.joined(separator: "\n") + "\n")
        XCTAssertEqual(folderContents(folder), ["printed.txt"], "a backquoted command ran")
    }

    func testDatablockWritesShortestRoundTripAndNaN() {
        XCTAssertEqual(Gnuplot.datablock("d", rows: [[1, 0.1], [.nan, .infinity]]), "$d << EOD\n1.0 0.1\nNaN NaN\nEOD\n")
    }
}
