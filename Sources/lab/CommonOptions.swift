import ArgumentParser
import Foundation
import NNEngine
import NNFiles
import NNRender

/// Options every lab shares: where figures go, in which format and size, and the seed.
struct CommonOptions: ParsableArguments {
    @Option(help: "Seed for every random draw; the same seed gives byte-identical JSON.")
    var seed: UInt64 = 0

    @Option(help: "Output folder; each lab writes into a subfolder named after it.")
    var out: String = "output"

    @Option(help: "Figure format: png, svg or pdf.")
    var format: String = "png"

    @Option(help: "Figure size WIDTHxHEIGHT in pixels (PDF: hundredths of an inch); default: sized to each figure.")
    var size: String?

    /// The options as command-line arguments, to hand on to another lab's command.
    var arguments: [String] {
        ["--seed", String(seed), "--out", out, "--format", format] + (size.map { ["--size", $0] } ?? [])
    }

    /// The renderer these options describe, once gnuplot is found.
    func renderer() throws -> FigureRenderer {
        try Self.renderer(format: try FigureFormat(parsing: format), size: try size.map(FigureSize.init(parsing:)))
    }

    /// A renderer for `format` and `size`, after checking that gnuplot is there: every command
    /// that draws gets its renderer here, before any work, so a missing gnuplot is reported at
    /// once rather than after the training.
    static func renderer(format: FigureFormat, size: FigureSize? = nil) throws -> FigureRenderer {
        _ = try Gnuplot.locate()
        return FigureRenderer(format: format, size: size)
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
