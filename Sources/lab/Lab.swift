import ArgumentParser
import Foundation
import NNEngine
import NNFiles
import NNRender

/// `lab`: NNLab's command-line tool. Each lab is a subcommand in its own file; the work is done
/// by the lab modules, so these files only declare options and call one function.
@main
struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "A visual lab for teaching how neural networks are trained.",
        discussion: "Each lab reproduces a lecture experiment and writes figures, with the numbers behind them as JSON, under --out (default: output/).",
        version: "0.1.0",
        subcommands: [ListCommand.self, AllCommand.self, InitStudyCommand.self, OptimizersCommand.self, DropoutCommand.self,
                      BabysitCommand.self,
                      RegularizeCommand.self,
                      SearchCommand.self,
                      NormalizeCommand.self,
                      NeuronsCommand.self, LossesCommand.self,
                      AugmentCommand.self, ExerciseCommand.self, GradeCommand.self, GradescopeCommand.self, GradcheckCommand.self])

    /// Runs the command and turns every failure into one line on stderr and a non-zero exit.
    static func main() {
        // Ctrl-C and kill remove what the run was writing, whichever command it is.
        Interrupts.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LabError {
            fail(error.message, code: 1)
        } catch {
            let code = exitCode(for: error)
            // --help and --version arrive as "errors" with a success code.
            if code == .success { exit(withError: error) }
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            fail(message.replacingOccurrences(of: "Error: ", with: "") + " (see 'lab --help')", code: code.rawValue)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        // One line, whatever the message quotes: a file name or option value may hold a line break.
        let oneLine = message.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: false) : String($0) }.joined()
        FileHandle.standardError.write(Data("lab: error: \(oneLine)\n".utf8))
        Foundation.exit(code == 0 ? 1 : code)
    }
}
