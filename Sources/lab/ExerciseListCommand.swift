import ArgumentParser
import Grading

/// `lab exercise list`: the exercises, with lecture and points.
struct ExerciseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the exercises with lecture and points.")

    func run() {
        let width = ExerciseCatalog.all.map(\.name.count).max() ?? 0
        for exercise in ExerciseCatalog.all {
            let points = FeedbackText.points(exercise.points).padding(toLength: 4, withPad: " ", startingAt: 0)
            let lecture = exercise.lecture.padding(toLength: 27, withPad: " ", startingAt: 0)
            print("\(exercise.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(points) pts  \(lecture) \(exercise.title)")
        }
    }
}
