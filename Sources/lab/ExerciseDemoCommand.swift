import ArgumentParser
import Grading

/// `lab exercise demo`: every exercise graded for a demo student who made its first typical
/// mistake, into `<out>/grading/<exercise>/` (see `GradingDemo`).
struct ExerciseDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Grade a typical mistake in every exercise for a demo student, to show the feedback.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let renderer = try common.renderer()
        let output = try common.output(for: "grading")
        let demo = GradingDemo(seed: common.seed)
        let jobs = try output.replace { staging in
            let jobs = try demo.write(to: staging, renderer: renderer) { print(GradingDemo.summary($0)) }
            try renderer.render(jobs)
            return jobs
        }
        print("wrote feedback for \(jobs.count) exercises to \(output.url.path)/")
    }
}
