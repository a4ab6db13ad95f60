import ArgumentParser

/// `lab exercise`: list the graded exercises, write students' problem folders, or show the
/// feedback on a typical mistake in each.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Graded exercises: list them, or make per-student problem folders.",
        subcommands: [ExerciseListCommand.self, ExerciseMakeCommand.self, ExerciseDemoCommand.self])
}
