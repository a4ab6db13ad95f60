import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import Grading

/// `lab gradescope`: the bundle, and its run_autograder run end to end against simulated
/// /autograder trees (a temporary root passed by NNLAB_AUTOGRADER_ROOT), one per student.
final class GradescopeAutograderTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func runShell(_ script: URL, options: [String] = [], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = options + [script.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// A simulated /autograder for one upload: source/ (the bundle), submission/, metadata, results/.
    func autograderRoot(bundle: URL, in folder: URL, metadata: String?, files: [String: String]) throws -> URL {
        let root = folder.appendingPathComponent("autograder")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submission"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bundle, to: root.appendingPathComponent("source"))
        // Gradescope copies run_autograder to the root.
        try FileManager.default.copyItem(at: bundle.appendingPathComponent("run_autograder"), to: root.appendingPathComponent("run_autograder"))
        if let metadata { try Data(metadata.utf8).write(to: root.appendingPathComponent("submission_metadata.json")) }
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent("submission/\(name)")) }
        return root
    }

    func metadata(sid: String, email: String = "x@example.edu") -> String {
        #"{"id": 1, "created_at": "2026-11-29T12:00:00Z", "assignment": {"id": 7, "title": "batchnorm"}, "#
            + #""users": [{"email": "\#(email)", "id": 42, "name": "Student, A", "sid": "\#(sid)"}], "previous_submissions": []}"#
    }

    func results(_ root: URL) throws -> GradescopeResults {
        try JSONDecoder().decode(GradescopeResults.self, from: Data(contentsOf: root.appendingPathComponent("results/results.json")))
    }

    func testBundleAndRunAutograderEndToEnd() throws {
        try requireLabBinary()
        let work = try makeTemporaryFolder("gradescope")
        let keyFile = work.appendingPathComponent("course.key")
        try Data("gradescope-course-key\n".utf8).write(to: keyFile)
        let key = try CourseKey(contentsOf: keyFile)
        let exercise = BatchNormExercise()
        let make = try LabBinary.run(["gradescope", exercise.name, "--course-key", keyFile.path, "--source", Self.repository.path,
                                      "--out", work.appendingPathComponent("bundles").path])
        XCTAssertEqual(make.status, 0, make.stderr)
        let bundle = work.appendingPathComponent("bundles/batchnorm")
        for name in ["setup.sh", "run_autograder", "course.key", "nnlab/Package.swift", "nnlab/labs/grading/Grader.swift"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: bundle.appendingPathComponent(name).path), name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("nnlab/.build").path))
        let syntax = try runShell(bundle.appendingPathComponent("setup.sh"), options: ["-n"], environment: [:])
        XCTAssertEqual(syntax.status, 0, "setup.sh is not valid bash: \(syntax.output)")
        let setup = try String(contentsOf: bundle.appendingPathComponent("setup.sh"))
        XCTAssertTrue(setup.contains("swift build -c release --product lab") && setup.contains("gnuplot-nox"), setup)

        let environment = { (root: URL) in ["NNLAB_AUTOGRADER_ROOT": root.path, "NNLAB_LAB": LabBinary.url.path] }
        var names: [[String]] = []
        // Three students: a correct float32 upload (any file name), the biased running variance, a correct one.
        for (n, sid) in ["s101", "s102", "s103"].enumerated() {
            let student = try StudentID(sid)
            let inputs = Grader.problem(exercise, student: student, key: key)
            let reference = exercise.reference(for: inputs)
            let text = n == 1 ? Submission.json(reference.merging(exercise.mistakes(for: inputs)[0].answers)) : Submission.float32JSON(reference)
            let root = try autograderRoot(bundle: bundle, in: work.appendingPathComponent(sid), metadata: metadata(sid: sid),
                                          files: [n == 0 ? "answers.json" : "submission.json": text])
            let run = try runShell(root.appendingPathComponent("run_autograder"), environment: environment(root))
            XCTAssertEqual(run.status, 0, run.output)
            let result = try results(root)
            XCTAssertEqual(result.max_score, 9)
            XCTAssertEqual(result.score, n == 1 ? 8.25 : 9, "\(sid): \(result.output) \(result.tests.map(\.output))")
            XCTAssertEqual(result.tests.map(\.number), (1...7).map(String.init))
            names.append(result.tests.map(\.name))
        }
        // The same test names for every student, so Gradescope's per-question statistics group.
        XCTAssertEqual(Set(names.map { $0.joined(separator: "|") }).count, 1, "\(names)")
        XCTAssertFalse(names[0].joined().contains("["), "shapes in test names: \(names[0])")

        // Without an upload, or without metadata: results.json still says why, with the same names.
        let empty = try autograderRoot(bundle: bundle, in: work.appendingPathComponent("empty"), metadata: metadata(sid: "s104"), files: [:])
        XCTAssertEqual(try runShell(empty.appendingPathComponent("run_autograder"), environment: environment(empty)).status, 0)
        let emptyResult = try results(empty)
        XCTAssertEqual(emptyResult.score, 0)
        XCTAssertTrue(emptyResult.output.contains("no .json file was uploaded"), emptyResult.output)
        XCTAssertEqual(emptyResult.tests.map(\.name), names[0])
        let anonymous = try autograderRoot(bundle: bundle, in: work.appendingPathComponent("anonymous"), metadata: #"{"users": []}"#,
                                           files: ["submission.json": "{}"])
        XCTAssertEqual(try runShell(anonymous.appendingPathComponent("run_autograder"), environment: environment(anonymous)).status, 0)
        let anonymousOutput = try results(anonymous).output
        XCTAssertTrue(anonymousOutput.contains("no \"users\""), anonymousOutput)
        // A link in the upload is refused like in batch mode.
        let linked = try autograderRoot(bundle: bundle, in: work.appendingPathComponent("linked"), metadata: metadata(sid: "s105"), files: [:])
        try FileManager.default.createSymbolicLink(at: linked.appendingPathComponent("submission/submission.json"),
                                                   withDestinationURL: linked.appendingPathComponent("source/course.key"))
        XCTAssertEqual(try runShell(linked.appendingPathComponent("run_autograder"), environment: environment(linked)).status, 0)
        let linkedOutput = try results(linked).output
        XCTAssertTrue(linkedOutput.contains("symbolic link"), linkedOutput)
        XCTAssertFalse(try String(contentsOf: linked.appendingPathComponent("results/results.json")).contains("gradescope-course-key"))
    }

    func testBadInvocationsFailWithOneLineAndWriteNothing() throws {
        try requireLabBinary()
        let work = try makeTemporaryFolder("gradescope-bad")
        let keyFile = work.appendingPathComponent("course.key")
        try Data("k\n".utf8).write(to: keyFile)
        let out = work.appendingPathComponent("out").path
        let cases: [([String], String)] = [
            (["gradescope", "nope", "--course-key", keyFile.path, "--out", out], "unknown exercise 'nope'"),
            (["gradescope", "dropout", "--course-key", "/nonexistent/key", "--source", Self.repository.path, "--out", out],
             "course key /nonexistent/key not found"),
            (["gradescope", "dropout", "--course-key", keyFile.path, "--source", work.path, "--out", out], "is not an NNLab checkout"),
            (["gradescope", "dropout", "--out", out], "--course-key"),
        ]
        for (arguments, fragment) in cases {
            let run = try LabBinary.run(arguments)
            XCTAssertNotEqual(run.status, 0, arguments.joined(separator: " "))
            XCTAssertEqual(run.stderr.split(separator: "\n").filter { $0.hasPrefix("lab: error") }.count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(fragment), "\(arguments): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments) wrote output")
        }
    }
}
