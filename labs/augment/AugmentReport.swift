import Foundation
import NNEngine
import NNFiles
import NNImage
import NNRender

/// Turns contact sheets into figures, each with its JSON, in one gnuplot process.
///
/// Layout under the output folder: `<sheet>.{png,svg,pdf}` and `<sheet>.json` for every selected
/// sheet (`SheetKind` names).
public enum AugmentReport {
    /// Composes every sheet, renders them all in one `FigureRenderer` call, then writes the JSON.
    /// Each sheet's composed pixels go to gnuplot as an input file of its figure.
    @discardableResult
    public static func write(_ sheets: [ContactSheet], to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        var jobs: [(figure: any Figure, url: URL)] = []
        for sheet in sheets {
            let layout = SheetComposer.compose(sheet)
            let figure = ImageSheetFigure(pixels: Data(layout.image.pngImage().pixels), width: layout.image.width,
                                          height: layout.image.height, labels: layout.labels)
            jobs.append((figure, renderer.url(for: sheet.kind.rawValue, in: folder)))
        }
        try renderer.render(jobs)
        for (sheet, job) in zip(sheets, jobs) {
            try JSONOutput.write(sheet.data, to: folder.appendingPathComponent("\(sheet.kind.rawValue).json"), figure: job.url)
        }
        return jobs.map(\.url)
    }

    /// One line per sheet for the terminal.
    public static func table(_ sheets: [ContactSheet]) -> String {
        let width = sheets.map(\.kind.rawValue.count).max() ?? 0
        return sheets.map { sheet in
            let samples = sheet.data.samples.dropFirst().prefix(3).map { $0.caption.replacingOccurrences(of: "\n", with: "; ") }
            return "  " + sheet.kind.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + "\(sheet.tiles.count) tiles: " + samples.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
