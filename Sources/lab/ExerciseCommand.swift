import ArgumentParser
import Foundation
import Grading
import NNEngine
import NNRender

/// `lab exercise`: list the graded exercises, or write a student's problem folder.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Graded exercises: list them, or make per-student problem folders.",
        subcommands: [List.self, Make.self, Demo.self])

    /// `lab exercise list`.
    struct List: ParsableCommand {
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

    /// `lab exercise make <name> --student ID | --roster FILE`.
    struct Make: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "make",
            abstract: "Write problem.json and README.md for a student (or every roster student) into <out>/<name>/<student>/.")

        @Argument(help: "The exercise (see 'lab exercise list').")
        var name: String

        @Option(help: "The student ID (letters, digits, . _ - @).")
        var student: String?

        @Option(help: "A CSV whose first column is the student ID: one folder per student.")
        var roster: String?

        @OptionGroup var key: CourseKeyOptions

        @Option(help: "Output folder.")
        var out = "output/exercises"

        func validate() throws {
            guard (student == nil) != (roster == nil) else { throw ValidationError("give exactly one of --student and --roster") }
        }

        func run() throws {
            let exercise = try ExerciseCatalog.named(name)
            let courseKey = try key.load()
            let list = try roster.map { try Roster(contentsOf: URL(fileURLWithPath: $0)) }
            for (line, reason) in list?.rejected ?? [] {
                FileHandle.standardError.write(Data("lab: warning: roster line \(line) skipped: \(SafeText.terminal(reason))\n".utf8))
            }
            let students = try list?.students ?? [StudentID(student!)]
            let folder = URL(fileURLWithPath: out).appendingPathComponent(exercise.name)
            try AtomicFile.makeDirectory(folder)
            for id in students {
                try ProblemSheet.write(exercise, student: id, key: courseKey, to: folder.appendingPathComponent(id.value),
                                       keyNeeded: key.courseKey != nil)
            }
            print("wrote \(students.count) problem folder\(students.count == 1 ? "" : "s") for \(exercise.name) to \(folder.path)/")
        }
    }
}

extension ExerciseCommand {
    /// `lab exercise demo`: every exercise graded for a demo student who made its first typical
    /// mistake, into `<out>/grading/<exercise>/`: what students see, for the lecture or the syllabus.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Grade a typical mistake in every exercise for a demo student, to show the feedback.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let renderer = try common.renderer()
            _ = try Gnuplot.locate()
            let output = try common.output(for: "grading")
            let folder = output.url
            // The seed stands in for a course key, so --seed gives another demo problem.
            let key = CourseKey(bytes: Array("demo-\(common.seed)".utf8))
            let student = try StudentID("demo")
            var jobs: [(figure: any Figure, url: URL)] = []
            try output.replace { staging in
                for exercise in ExerciseCatalog.all {
                    let inputs = Grader.problem(exercise, student: student, key: key)
                    let reference = exercise.reference(for: inputs)
                    let answers = reference.merging(exercise.mistakes(for: inputs)[0].answers)
                    let submission = Submission.parse(Array(Submission.json(answers).utf8),
                                                      expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
                    let report = Grader().grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
                    jobs.append(try FeedbackReport.write(report, exercise: exercise, to: staging.appendingPathComponent(exercise.name), renderer: renderer))
                    print(FeedbackText.headline(report) + ": " + (report.tests.compactMap { $0.finding?.hint }.first ?? ""))
                }
                try renderer.render(jobs)
            }
            print("wrote feedback for \(jobs.count) exercises to \(folder.path)/")
        }
    }
}

/// The course key option shared by `exercise make` and `grade`.
struct CourseKeyOptions: ParsableArguments {
    @Option(name: .customLong("course-key"), help: "File with the course's secret key; without it a public practice key is used.")
    var courseKey: String?

    func load() throws -> CourseKey {
        guard let courseKey else {
            FileHandle.standardError.write(Data("lab: note: no --course-key, using the public practice key\n".utf8))
            return .practice
        }
        return try CourseKey(contentsOf: URL(fileURLWithPath: courseKey))
    }
}
