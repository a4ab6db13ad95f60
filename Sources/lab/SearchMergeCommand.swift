import ArgumentParser
import Foundation
import NNEngine
import NNFiles
import SearchLab

/// `lab search merge DIR...`: the figures of a search from its shards' trial files.
struct SearchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Draw a search's figures from the trial files of its shards.",
        discussion: """
            Each DIR is a shard's --out folder (or its search/ or search/trials/ folder). Every trial file is read and \
            checked; the folders must hold one search, and every trial of every stage must be there (the missing ones \
            are named). Writes the five figures, their JSON and the trial files to <out>/search/, the same bytes as \
            one machine running the whole search.
            """)

    @Argument(help: "The shards' output folders.")
    var folders: [String]

    @Option(help: "Output folder; the figures go into its search/ subfolder.")
    var out: String = "output"

    @OptionGroup var figures: FigureOptions

    func validate() throws {
        if folders.isEmpty { throw ValidationError("give at least one folder of trial files, e.g. lab search merge output") }
    }

    func run() throws {
        guard !out.trimmingCharacters(in: .whitespaces).isEmpty else { throw LabError("--out is empty; give a folder, e.g. --out output") }
        let renderer = try figures.renderer()
        let gathered = try TrialStore.gather(folders.map { URL(fileURLWithPath: $0) })
        let result = try SearchLab.merge(gathered)
        let output = LabOutput(folder: try OutputFolder(URL(fileURLWithPath: out).appendingPathComponent("search")),
                               command: ["lab"] + CommandLine.arguments.dropFirst())
        _ = try output.replace { try SearchReport.write(result, to: $0, renderer: renderer) }
        print(SearchReport.summary(result))
        print("search \(result.identity): merged \(result.trialCount) trials from \(folders.count) folder\(folders.count == 1 ? "" : "s"); "
              + "wrote 5 figures, each with its JSON, and the trial files to \(output.url.path)/")
    }
}
