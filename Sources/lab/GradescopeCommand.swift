import ArgumentParser
import Foundation
import Grading
import NNEngine
import NNFiles
import NNRender

/// `lab gradescope`: write a Gradescope autograder bundle for an exercise, and (inside it) grade
/// one uploaded submission the way Gradescope runs it. The group has no options of its own; its
/// help says where they are, since argument-parser (1.8) lists only the subcommands of a group,
/// not its default subcommand's options.
struct GradescopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradescope",
        abstract: "Write a Gradescope autograder for an exercise (setup.sh, run_autograder, the key and NNLab's sources).",
        usage: """
            lab gradescope [bundle] <name> --course-key <course-key> [<options>]
            lab gradescope run <name> --course-key <course-key> [<options>]
            """,
        discussion: """
            The bundle's options (--course-key, --course, --source, --out) are listed by 'lab gradescope bundle --help', \
            those of run by 'lab gradescope run --help'. Without a subcommand, lab gradescope is lab gradescope bundle: \
            'lab gradescope <name> --course-key FILE --out DIR' writes the bundle; zip DIR's contents and upload them as \
            the assignment's autograder. Make the students' problems with the same key and the Gradescope roster \
            (lab exercise make <name> --roster roster.csv --course-key FILE reads its SID column).
            """,
        subcommands: [Bundle.self, Run.self], defaultSubcommand: Bundle.self)

    /// `lab gradescope <name> --course-key FILE --out DIR`.
    struct Bundle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "bundle", abstract: "Write the autograder bundle (the default).")

        @Argument(help: "The exercise (see 'lab exercise list').")
        var name: String

        @Option(name: .customLong("course-key"), help: "File with the course's secret key (copied into the bundle).")
        var courseKey: String

        @Option(help: "Course file (JSON) with score bands, limits and the deadline.")
        var course: String?

        @Option(help: "NNLab's source folder (with Package.swift), copied into the bundle for setup.sh to build.")
        var source = "."

        @Option(help: "Output folder for the bundle.")
        var out = "output/gradescope"

        func run() throws {
            let exercise = try ExerciseCatalog.named(name)
            let folder = URL(fileURLWithPath: out).appendingPathComponent(exercise.name)
            let (keyFile, courseFile) = (URL(fileURLWithPath: courseKey), course.map { URL(fileURLWithPath: $0) })
            // Checked before the folder is opened, so that a bad invocation writes nothing.
            try GradescopeBundle.check(keyFile: keyFile, courseFile: courseFile, source: URL(fileURLWithPath: source))
            try OutputFolder(folder).replace { staging in
                try GradescopeBundle.write(exercise: exercise, keyFile: keyFile, courseFile: courseFile,
                                           source: URL(fileURLWithPath: source), to: staging)
            }
            print("wrote the \(exercise.name) autograder to \(folder.path)/: zip its contents (cd \(folder.path) && zip -r ../\(exercise.name).zip .) and upload it to Gradescope")
        }
    }

    /// `lab gradescope run <name> --root /autograder --course-key FILE`: what run_autograder calls.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Grade <root>/submission/*.json into <root>/results/results.json (run_autograder calls this).")

        @Argument(help: "The exercise.")
        var name: String

        @Option(help: "Gradescope's folder (/autograder).")
        var root = "/autograder"

        @Option(name: .customLong("course-key"), help: "File with the course's secret key.")
        var courseKey: String

        @Option(help: "Course file (JSON).")
        var course: String?

        func run() throws {
            let exercise = try ExerciseCatalog.named(name)
            let courseFile = try course.map { try CourseFile(contentsOf: URL(fileURLWithPath: $0)) } ?? CourseFile()
            let grader = Grader(course: courseFile, revealsReference: courseFile.revealsReference(at: Date()))
            let key = try CourseKey(contentsOf: URL(fileURLWithPath: courseKey))
            let outcome = try GradescopeAutograder(exercise: exercise, grader: grader, key: key, root: URL(fileURLWithPath: root)).run()
            // The log Gradescope keeps for the instructor (stdout_visibility is hidden).
            print("\(exercise.name) for \(outcome.student ?? "?"): \(FeedbackText.points(outcome.score))/\(FeedbackText.points(outcome.maxScore))"
                  + (outcome.problem.map { ": \(SafeText.terminal($0))" } ?? ""))
        }
    }
}
