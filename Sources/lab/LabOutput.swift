import Foundation
import Gallery
import NNFiles
import NNRender

/// A lab's output folder for one run (`OutputFolder`), which, once the run's set is in place,
/// records the command that made it and rebuilds the gallery `<out>/index.html`.
struct LabOutput {
    let folder: OutputFolder
    /// The command line that makes this folder (`RunRecord`).
    let command: [String]

    /// The folder the run's files end up in.
    var url: URL { folder.url }

    /// `OutputFolder.replace`, then the gallery.
    func replace<T>(_ write: (URL) throws -> T) throws -> T {
        let value = try folder.replace(write)
        Gallery.labFinished(folder: folder.url, command: command)
        return value
    }

    /// The command that makes `lab`'s folder: the one typed, or, under `lab all`, the lab's own
    /// command with the shared options `lab all` passed on (`lab all` takes no others).
    static func command(for lab: String, common: CommonOptions) -> [String] {
        let typed = Array(CommandLine.arguments.dropFirst())
        if typed.first == AllCommand.configuration.commandName, let entry = LabCatalog(rawValue: lab) {
            return ["lab"] + entry.commandWords + common.arguments
        }
        return ["lab"] + typed
    }
}
