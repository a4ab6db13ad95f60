import Foundation
import NNEngine
import NNRender
import XCTest
@testable import Grading

/// The demo: every exercise's first typical mistake, recognized and named.
final class GradingDemoTests: XCTestCase {
    func testEveryExerciseLosesPointsForItsFirstMistakeAndNamesIt() {
        let demo = GradingDemo(seed: 0)
        XCTAssertEqual(demo.student.value, "demo")
        for exercise in ExerciseCatalog.all {
            let report = demo.grade(exercise)
            XCTAssertLessThan(report.score, report.maxScore, exercise.name)
            XCTAssertTrue(GradingDemo.summary(report).hasPrefix(FeedbackText.headline(report) + ": "), exercise.name)
            XCTAssertNotNil(report.tests.compactMap { $0.finding?.hint }.first, "\(exercise.name): no mistake named")
        }
    }

    func testTheSeedChoosesTheProblem() throws {
        let exercise = try ExerciseCatalog.named("svm-loss")
        XCTAssertEqual(GradingDemo(seed: 3).grade(exercise).inputs, GradingDemo(seed: 3).grade(exercise).inputs)
        XCTAssertNotEqual(GradingDemo(seed: 3).grade(exercise).inputs, GradingDemo(seed: 4).grade(exercise).inputs)
    }

    func testWriteGivesOneFolderAndOneFigurePerExercise() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercises = Array(ExerciseCatalog.all.prefix(2))
        var graded: [String] = []
        let jobs = try GradingDemo(seed: 0).write(exercises, to: folder, renderer: FigureRenderer(format: .png)) { graded.append($0.exercise) }
        XCTAssertEqual(graded, exercises.map(\.name))
        XCTAssertEqual(jobs.map(\.url), exercises.map { folder.appendingPathComponent("\($0.name)/feedback.png") })
        for exercise in exercises {
            for file in ["results.json", "feedback.md", "feedback.json"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(exercise.name)/\(file)").path), file)
            }
        }
    }
}
