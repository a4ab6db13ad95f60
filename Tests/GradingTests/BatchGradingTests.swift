import Foundation
import NNEngine
import NNRender
import XCTest
@testable import Grading

/// Batch grading in-process: the same files whatever the number of workers, one row per roster
/// student, and a broken submission never stops the others.
final class BatchGradingTests: XCTestCase {
    func testResultsDoNotDependOnTheWorkerCount() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let exercise = SoftmaxLossExercise()
        let key = CourseKey(bytes: Array("batch".utf8))
        let rosterURL = try SampleClass.write(exercise, count: 24, key: key, to: root)
        let roster = try Roster(contentsOf: rosterURL)
        var outputs: [URL] = []
        for workers in [1, 2, 3] {
            let out = root.appendingPathComponent("out\(workers)")
            let entries = try BatchGrading(exercise: exercise, grader: Grader(), key: key, workers: workers)
                .run(roster: roster, submissions: root.appendingPathComponent("submissions"), out: out, renderer: FigureRenderer())
            XCTAssertEqual(entries.map(\.student), roster.students)
            XCTAssertTrue(entries.allSatisfy { $0.error == nil }, "\(entries.compactMap(\.error))")
            outputs.append(out)
        }
        for name in ["gradebook.csv", "scores.json", "students/s001/results.json", "students/s004/feedback.md", "students/s013/results.json", "students/s020/feedback.json"] {
            let first = try Data(contentsOf: outputs[0].appendingPathComponent(name))
            for other in outputs.dropFirst() {
                XCTAssertEqual(first, try Data(contentsOf: other.appendingPathComponent(name)), name)
            }
        }
        let gradebook = try String(contentsOf: outputs[0].appendingPathComponent("gradebook.csv"))
        XCTAssertEqual(gradebook.split(separator: "\n").count, 25)
        XCTAssertTrue(gradebook.hasPrefix("student,score,max_score,loss,dscores,initial_loss,problem\ns001,4,4,1,2,1,\n"), gradebook)
    }
}
