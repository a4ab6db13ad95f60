import Foundation
import Grading
import NNEngine
import NNFiles
import NNRender
import LabTestSupport
import XCTest

/// Runs the built `lab` binary: problem folders, single grading with every file it promises,
/// batch grading of a class with broken submissions, byte-identical results, bad input.
final class GradingEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try requireLabBinary()
    }

    func testMakeGradeAndRegradeEveryExercise() throws {
        let root = try makeTemporaryFolder("grading")
        let keyFile = root.appendingPathComponent("course.key")
        try Data("e2e-secret\n".utf8).write(to: keyFile)
        let key = try CourseKey(contentsOf: keyFile)
        let student = try StudentID("alice")
        for exercise in ExerciseCatalog.all {
            let make = try LabBinary.run(["exercise", "make", exercise.name, "--student", "alice", "--course-key", keyFile.path,
                                     "--out", root.appendingPathComponent("problems").path])
            XCTAssertEqual(make.status, 0, make.stderr)
            let problemFolder = root.appendingPathComponent("problems/\(exercise.name)/alice")
            // problem.json holds exactly the inputs the grader will use.
            let problem = try JSONParser().parse(Array(try Data(contentsOf: problemFolder.appendingPathComponent("problem.json"))))
            let inputs = Grader.problem(exercise, student: student, key: key)
            for entry in inputs.entries {
                let value = try XCTUnwrap(problem["inputs"]?[entry.name], "\(exercise.name): \(entry.name)")
                XCTAssertEqual(try Submission.tensor(value, shape: entry.value.shape), entry.value, "\(exercise.name): \(entry.name)")
            }
            XCTAssertTrue(try String(contentsOf: problemFolder.appendingPathComponent("README.md")).contains("## Submission"))

            // A submission with the first typical mistake: graded, named, with every promised file.
            let mistake = exercise.mistakes(for: inputs)[0]
            let file = root.appendingPathComponent("\(exercise.name).json")
            try Data(Submission.json(exercise.reference(for: inputs).merging(mistake.answers)).utf8).write(to: file)
            let arguments = ["grade", exercise.name, file.path, "--student", "alice", "--course-key", keyFile.path]
            let grade = try LabBinary.run(arguments + ["--out", root.appendingPathComponent("g1").path])
            XCTAssertEqual(grade.status, 0, grade.stderr)
            XCTAssertTrue(grade.stdout.contains("FAIL"), grade.stdout)
            XCTAssertTrue(grade.stdout.contains(mistake.hint), "\(exercise.name): \(grade.stdout)")
            let folder = root.appendingPathComponent("g1/\(exercise.name)/students/alice")
            XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)),
                           ["results.json", "feedback.md", "feedback.json", "feedback.png"])
            XCTAssertGreaterThan(try PNGImage(contentsOf: folder.appendingPathComponent("feedback.png")).width, 0)
            // The gallery of the output folder shows the feedback figure.
            let page = try String(contentsOf: root.appendingPathComponent("g1/index.html"))
            XCTAssertTrue(page.contains("./\(exercise.name)/students/alice/feedback.png"), "\(exercise.name): feedback.png not in the gallery")
            // Byte-identical on a second run.
            XCTAssertEqual(try LabBinary.run(arguments + ["--out", root.appendingPathComponent("g2").path]).status, 0)
            for name in ["results.json", "feedback.md", "feedback.json"] {
                XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)),
                               try Data(contentsOf: root.appendingPathComponent("g2/\(exercise.name)/students/alice/\(name)")), "\(exercise.name) \(name)")
            }
        }
    }

    func testBatchGradingOfAClassWithBrokenSubmissions() throws {
        let root = try makeTemporaryFolder("grading")
        let keyFile = root.appendingPathComponent("course.key")
        try Data("batch-secret".utf8).write(to: keyFile)
        let exercise = AffineBackwardExercise()
        let roster = try SampleClass.write(exercise, count: 30, key: try CourseKey(contentsOf: keyFile), to: root)
        // A hostile roster line is skipped with a warning, never used as a path.
        try Data((try String(contentsOf: roster) + "../../escape\n").utf8).write(to: roster)
        let out = root.appendingPathComponent("grades")
        let run = try LabBinary.run(["grade", exercise.name, "--submissions", root.appendingPathComponent("submissions").path,
                                "--roster", roster.path, "--course-key", keyFile.path, "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("roster line 32 skipped"), run.stderr)
        XCTAssertTrue(run.stdout.contains("graded 30 students"), run.stdout)
        let folder = out.appendingPathComponent(exercise.name)
        let lines = try String(contentsOf: folder.appendingPathComponent("gradebook.csv")).split(separator: "\n")
        XCTAssertEqual(lines.first, "student,score,max_score,dx,dW,db,problem")
        XCTAssertEqual(lines.count, 31)
        let scores = Dictionary(uniqueKeysWithValues: lines.dropFirst().map { line -> (String, Double) in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (String(fields[0]), Double(fields[1])!)
        })
        let mistakes = exercise.mistakes(for: Grader.problem(exercise, student: try StudentID("s001"), key: try CourseKey(contentsOf: keyFile))).count
        for (i, id) in (1...30).map({ String(format: "s%03d", $0) }).enumerated() {
            switch SampleClass.kind(i, mistakes: mistakes) {
            case .correct, .float32: XCTAssertEqual(scores[id], 5, id)
            case .mistake: XCTAssertLessThan(scores[id]!, 5, id)
            default: XCTAssertEqual(scores[id], 0, id)
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("students/\(id)/results.json").path), id)
        }
        let nan = try String(contentsOf: folder.appendingPathComponent("students/s\(String(format: "%03d", 3 + mistakes + 2))/feedback.md"))
        XCTAssertTrue(nan.contains("NaN and Infinity are not numbers"), nan)
        let nanRow = lines.first { $0.hasPrefix("s\(String(format: "%03d", 3 + mistakes + 2)),") } ?? ""
        XCTAssertTrue(nanRow.hasSuffix("NaN and Infinity are not numbers in JSON (Python writes them for float('nan') and float('inf')); your computation produced a non-finite value\""), String(nanRow))
        XCTAssertTrue(run.stdout.contains("unreadable submissions"), run.stdout)
        XCTAssertGreaterThan(try PNGImage(contentsOf: folder.appendingPathComponent("scores.png")).width, 0)
        // `lab grade` rebuilds the gallery like every lab, with the command that made the folder.
        let page = try String(contentsOf: out.appendingPathComponent("index.html"))
        XCTAssertTrue(page.contains("./\(exercise.name)/scores.png"), "scores.png not in the gallery")
        XCTAssertTrue(page.contains("Made by <code>lab grade \(exercise.name) --submissions"), "no command in the gallery")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("escape").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("escape").path))
    }

    func testBadInvocationsFailWithOneLine() throws {
        let root = try makeTemporaryFolder("grading")
        let submission = root.appendingPathComponent("s.json")
        try Data("{}".utf8).write(to: submission)
        let out = root.appendingPathComponent("out").path
        let cases: [([String], String)] = [
            (["grade", "nope", submission.path, "--student", "a", "--out", out], "unknown exercise 'nope'"),
            (["grade", "dropout", submission.path, "--student", "../x", "--out", out], "student ID '../x'"),
            (["grade", "dropout", submission.path, "--student", "a", "--course-key", "/nonexistent/key", "--out", out], "course key /nonexistent/key not found"),
            (["grade", "dropout", "--submissions", root.path, "--roster", "/nonexistent/r.csv", "--out", out], "roster /nonexistent/r.csv does not exist"),
            (["grade", "dropout", "/nonexistent/s.json", "--student", "a", "--out", out], "submission /nonexistent/s.json not found"),
            (["grade", "dropout", "--out", out], "either <submission>"),
            (["exercise", "make", "dropout", "--out", out], "exactly one of --student and --roster"),
        ]
        for (arguments, fragment) in cases {
            let run = try LabBinary.run(arguments)
            XCTAssertNotEqual(run.status, 0, arguments.joined(separator: " "))
            let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("lab: error") }
            XCTAssertEqual(errors.count, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(fragment), "\(arguments): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments) wrote output")
        }
        let list = try LabBinary.run(["exercise", "list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, ExerciseCatalog.all.count)
    }

    func testRosterProblemFoldersAndDemo() throws {
        let root = try makeTemporaryFolder("grading")
        let roster = root.appendingPathComponent("roster.csv")
        try Data("student_id,name\nann,A\nben,B\ncat,C\n".utf8).write(to: roster)
        let make = try LabBinary.run(["exercise", "make", "svm-loss", "--roster", roster.path, "--out", root.appendingPathComponent("p").path])
        XCTAssertEqual(make.status, 0, make.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("p/svm-loss").path).sorted(),
                       ["ann", "ben", "cat"])
        let ann = try Data(contentsOf: root.appendingPathComponent("p/svm-loss/ann/problem.json"))
        XCTAssertNotEqual(ann, try Data(contentsOf: root.appendingPathComponent("p/svm-loss/ben/problem.json")))

        let demo = try LabBinary.run(["exercise", "demo", "--out", root.path])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertTrue(demo.stdout.contains("wrote feedback for \(ExerciseCatalog.all.count) exercises"), demo.stdout)
        for exercise in ExerciseCatalog.all {
            let folder = root.appendingPathComponent("grading/\(exercise.name)")
            XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)),
                           ["results.json", "feedback.md", "feedback.json", "feedback.png"], exercise.name)
        }
    }

    func testNumpyExamplesScoreFullMarks() throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import numpy"]
        python.standardError = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try XCTSkipIf(python.terminationStatus != 0, "python3 with numpy not installed")
        let root = try makeTemporaryFolder("grading")
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
        for (exercise, script) in [("affine-backward", "affine_backward.py"), ("softmax-loss", "softmax_loss.py")] {
            XCTAssertEqual(try LabBinary.run(["exercise", "make", exercise, "--student", "bob", "--out", root.path]).status, 0)
            let folder = root.appendingPathComponent("\(exercise)/bob")
            let run = Process()
            run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            run.arguments = ["python3", examples.appendingPathComponent(script).path, folder.path]
            run.standardOutput = FileHandle.nullDevice
            try run.run()
            run.waitUntilExit()
            XCTAssertEqual(run.terminationStatus, 0, script)
            let grade = try LabBinary.run(["grade", exercise, folder.appendingPathComponent("submission.json").path, "--student", "bob",
                                      "--out", root.appendingPathComponent("grades").path])
            XCTAssertEqual(grade.status, 0, grade.stderr)
            XCTAssertTrue(grade.stdout.hasPrefix("\(exercise) for bob: \(exercise == "affine-backward" ? 5 : 4)/"), grade.stdout)
            XCTAssertFalse(grade.stdout.contains("FAIL"), grade.stdout)
        }
    }
}

