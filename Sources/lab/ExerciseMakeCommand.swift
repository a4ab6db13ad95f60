import ArgumentParser
import Foundation
import Grading
import NNFiles
import NNRender

/// `lab exercise make <name> --student ID | --roster FILE`: a student's problem folder, or one
/// for every roster student.
struct ExerciseMakeCommand: ParsableCommand {
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
