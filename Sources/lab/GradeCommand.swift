import ArgumentParser
import Foundation
import Gallery
import Grading
import NNEngine
import NNFiles
import NNRender

/// `lab grade`: grade one submission, or a whole class. Submissions are data; nothing in them is
/// ever executed.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a submission (or a class) against the engine's reference for each student's problem.",
        discussion: """
            One submission: lab grade <name> submission.json --student ID writes results.json (Gradescope schema), \
            feedback.md and feedback.png (or --format's) into <out>/<name>/students/<ID>/ and prints a summary.
            A class: lab grade <name> --submissions DIR --roster roster.csv reads DIR/<ID>.json (or DIR/<ID>/submission.json) \
            for every roster ID (regular files inside DIR only, never through a symbolic link) and also writes \
            gradebook.csv, scores.png and scores.json into <out>/<name>/.
            Either way the gallery <out>/index.html is rebuilt.
            """)

    @Argument(help: "The exercise (see 'lab exercise list').")
    var name: String

    @Argument(help: "The submission JSON file (single-student mode).")
    var submission: String?

    @Option(help: "The student ID (single-student mode).")
    var student: String?

    @Option(help: "Folder of submissions (batch mode, with --roster).")
    var submissions: String?

    @Option(help: "CSV whose first column is the student ID (batch mode).")
    var roster: String?

    @Option(help: "Course file (JSON) with score bands, limits and the deadline; see labs/grading/README.md.")
    var course: String?

    @OptionGroup var key: CourseKeyOptions

    @Option(help: "Output folder.")
    var out = "output/grades"

    @OptionGroup var figures: FigureOptions

    func validate() throws {
        let single = submission != nil || student != nil
        let batch = submissions != nil || roster != nil
        guard single != batch else { throw ValidationError("give either <submission> with --student, or --submissions with --roster") }
        if single, submission == nil || student == nil { throw ValidationError("single-student mode needs <submission> and --student") }
        if batch, submissions == nil || roster == nil { throw ValidationError("batch mode needs --submissions and --roster") }
    }

    func run() throws {
        let exercise = try ExerciseCatalog.named(name)
        let courseFile = try course.map { try CourseFile(contentsOf: URL(fileURLWithPath: $0)) } ?? CourseFile()
        let grader = Grader(course: courseFile, revealsReference: courseFile.revealsReference(at: Date()))
        let renderer = try figures.renderer()
        let figure = renderer.format.fileExtension
        let folder = URL(fileURLWithPath: out).appendingPathComponent(exercise.name)
        if let submission, let student {
            let id = try StudentID(student)
            let courseKey = try key.load()
            let url = URL(fileURLWithPath: submission)
            guard FileManager.default.fileExists(atPath: url.path) else { throw LabError("submission \(submission) not found") }
            let report = grader.grade(exercise, student: id, key: courseKey, submission: url)
            let studentFolder = BatchGrading.studentFolder(id, in: folder)
            try OutputFolder(studentFolder).replace { staging in
                try renderer.render([try FeedbackReport.write(report, exercise: exercise, to: staging, renderer: renderer)])
            }
            // The exercise's folder holds every student graded so far, each from its own command:
            // the page is rebuilt, but no one command is recorded for the folder.
            Gallery.rebuild(afterWriting: folder)
            print(FeedbackText.summary(report))
            print("wrote results.json, feedback.md and feedback.\(figure) to \(studentFolder.path)/")
        } else if let submissions, let roster {
            let list = try Roster(contentsOf: URL(fileURLWithPath: roster))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: submissions, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LabError("submissions folder \(submissions) not found")
            }
            let courseKey = try key.load()
            for (line, reason) in list.rejected {
                FileHandle.standardError.write(Data("lab: warning: roster line \(line) skipped: \(SafeText.terminal(reason))\n".utf8))
            }
            for entry in BatchGrading.unmatchedSubmissions(in: URL(fileURLWithPath: submissions), roster: list) {
                let why = entry.caseOnlyMatch.map { "differs only in case from roster ID '\($0)' (names must match exactly)" }
                    ?? "matches no roster ID"
                FileHandle.standardError.write(Data("lab: warning: submission '\(entry.name)' \(why); not graded\n".utf8))
            }
            let batch = BatchGrading(exercise: exercise, grader: grader, key: courseKey)
            let progress = ProgressLine.standardError()
            let output = LabOutput(folder: try OutputFolder(folder), command: ["lab"] + CommandLine.arguments.dropFirst())
            let entries = try output.replace { staging in
                try batch.run(roster: list, submissions: URL(fileURLWithPath: submissions), out: staging, renderer: renderer) { done, total in
                    progress?("graded \(done)/\(total)")
                }
            }
            // The final count stays on screen.
            if progress != nil { FileHandle.standardError.write(Data("\n".utf8)) }
            print(BatchSummary(entries).line(exercise: exercise))
            print("wrote gradebook.csv, scores.\(figure) and one folder per student to \(folder.path)/")
        }
    }
}
