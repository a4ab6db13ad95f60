import ArgumentParser
import NNEngine
import NNRender

/// `--format`, `--size` and `--theme`: how a command's figures are drawn. Part of `CommonOptions`, and alone
/// in commands that draw figures but take no seed (`grade`).
struct FigureOptions: ParsableArguments {
    @Option(help: "Figure format: png, svg or pdf.")
    var format: String = "png"

    @Option(help: "Figure size WIDTHxHEIGHT in pixels (PDF: hundredths of an inch); default: sized to each figure.")
    var size: String?

    @Option(help: "Figure theme: light (white background) or dark (for dark slide decks).")
    var theme: String = "light"

    /// The options as command-line arguments, to hand on to another command.
    var arguments: [String] {
        ["--format", format] + (size.map { ["--size", $0] } ?? []) + (theme == "light" ? [] : ["--theme", theme])
    }

    /// The renderer these options describe, after checking that gnuplot is there: every command
    /// that draws gets its renderer here, before any work, so a missing gnuplot is reported at
    /// once rather than after the training.
    /// - Throws: `LabError` for an unknown format or theme, a malformed size or a missing gnuplot.
    func renderer() throws -> FigureRenderer {
        let (format, size) = (try FigureFormat(parsing: format), try size.map(FigureSize.init(parsing:)))
        let theme = try Theme(parsing: theme)
        _ = try Gnuplot.locate()
        return FigureRenderer(format: format, size: size, theme: theme)
    }
}
