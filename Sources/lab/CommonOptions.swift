import ArgumentParser
import Foundation
import NNEngine
import NNFiles
import NNRender

/// Options every lab shares: where figures go, in which format and size, and the seed.
struct CommonOptions: ParsableArguments {
    @OptionGroup var seeding: SeedOption

    @Option(help: "Output folder; each lab writes into a subfolder named after it.")
    var out: String = "output"

    @OptionGroup var figures: FigureOptions

    var seed: UInt64 { seeding.seed }
    var format: String { figures.format }
    var size: String? { figures.size }

    /// The options as command-line arguments, to hand on to another lab's command.
    var arguments: [String] {
        ["--seed", String(seed), "--out", out] + figures.arguments
    }

    /// The renderer these options describe, once gnuplot is found.
    func renderer() throws -> FigureRenderer {
        try figures.renderer()
    }

    /// `--out` as a folder URL.
    /// - Throws: `LabError` for an empty path, which would otherwise mean the current folder.
    func outFolder() throws -> URL {
        guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LabError("--out is empty; give a folder, e.g. --out output")
        }
        return URL(fileURLWithPath: out)
    }

    /// `<out>/<lab>`, checked for writability before any work is done, locked for this run,
    /// cleared of what killed runs left, and replaced whole by the run's set (see `OutputFolder`);
    /// then the gallery `<out>/index.html` is rebuilt (see `LabOutput`).
    func output(for lab: String) throws -> LabOutput {
        LabOutput(folder: try OutputFolder(outFolder().appendingPathComponent(lab)),
                  command: LabOutput.command(for: lab, common: self))
    }
}
