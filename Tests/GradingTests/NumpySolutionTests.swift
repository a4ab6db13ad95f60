import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import Grading

/// The student's side, run for real: numpy solutions written from the README alone score full
/// marks in float64 and in float32 for a class of 150, and every README's skeleton runs as shipped
/// on a generated problem and writes a submission that parses. Needs python3 with numpy.
final class NumpySolutionTests: XCTestCase {
    static let solutions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("numpy/solutions.py")

    /// Skips with a clear message when python3 or numpy is missing.
    func requireNumpy() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import numpy"]
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { throw XCTSkip("python3 is not installed: the numpy solution tests need python3 with numpy") }
        probe.waitUntilExit()
        try XCTSkipIf(probe.terminationStatus != 0, "numpy is not installed for python3: the numpy solution tests need it")
    }

    func python(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if let folder { process.currentDirectoryURL = folder }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testNumpySolutionsScoreFullMarksFor150StudentsInFloat64AndFloat32() throws {
        try requireNumpy()
        let root = try makeTemporaryFolder("numpy-class")
        let key = CourseKey(bytes: Array("numpy-class-key".utf8))
        let students = try (1...150).map { try StudentID(String(format: "s%03d", $0)) }
        var report: [String] = []
        for exercise in ExerciseCatalog.all {
            let folder = root.appendingPathComponent(exercise.name)
            for student in students {
                try ProblemSheet.write(exercise, student: student, key: key, to: folder.appendingPathComponent(student.value))
            }
            for precision in ["float64", "float32"] {
                let run = try python([Self.solutions.path, precision, exercise.name, folder.path])
                XCTAssertEqual(run.status, 0, "\(exercise.name) \(precision): \(run.stderr)")
                var full = 0
                for student in students {
                    let url = folder.appendingPathComponent(student.value).appendingPathComponent("submission-\(precision).json")
                    let graded = Grader().grade(exercise, student: student, key: key, submission: url)
                    if graded.score == graded.maxScore { full += 1; continue }
                    for test in graded.tests where !test.passed {
                        XCTFail("\(exercise.name) \(precision) \(student): \(test.key) \(FeedbackText.testOutput(test, reveal: true))")
                    }
                }
                report.append("\(exercise.name) \(precision): \(full)/\(students.count) full marks")
                XCTAssertEqual(full, students.count, "\(exercise.name) \(precision)")
            }
        }
        print(report.joined(separator: "\n"))
    }

    func testEverySkeletonRunsAsShippedOnAGeneratedProblem() throws {
        try requireNumpy()
        let root = try makeTemporaryFolder("skeletons")
        let student = try StudentID("sam")
        for exercise in ExerciseCatalog.all {
            let folder = root.appendingPathComponent(exercise.name)
            try ProblemSheet.write(exercise, student: student, key: .practice, to: folder)
            let readme = try String(contentsOf: folder.appendingPathComponent("README.md"))
            let start = try XCTUnwrap(readme.range(of: "```python\n"), exercise.name)
            let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex), exercise.name)
            try Data(readme[start.upperBound..<end.lowerBound].utf8).write(to: folder.appendingPathComponent("skeleton.py"))
            let run = try python(["skeleton.py"], in: folder)
            XCTAssertEqual(run.status, 0, "\(exercise.name): \(run.stderr)")
            // The zeros it writes parse, with every key and shape right (and score what zeros score).
            let graded = Grader().grade(exercise, student: student, key: .practice, submission: folder.appendingPathComponent("submission.json"))
            XCTAssertNil(graded.fileError, exercise.name)
            XCTAssertTrue(graded.tests.allSatisfy { $0.problem == nil }, "\(exercise.name): \(graded.tests.compactMap(\.problem))")
            XCTAssertTrue(FeedbackText.headline(graded).contains("Graded against the practice key"), FeedbackText.headline(graded))
        }
    }
}
