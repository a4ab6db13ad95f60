import Foundation
import NNFiles

/// Writes a lab's `CaptionedFigure`s into a folder: every figure drawn in one gnuplot pass first,
/// then beside each `<name>.png` its `<name>.json`, the document `document` makes of it (by
/// default a `CaptionedFigureDocument` of the run's seed and parameters), naming the figure file.
public struct CaptionedFigureWriter {
    /// The JSON written beside one figure (encoded as its own concrete type, keys sorted).
    public var document: (CaptionedFigure) -> any Encodable

    /// A writer whose documents are made by `document`, for labs whose JSON has keys of its own.
    public init(document: @escaping (CaptionedFigure) -> any Encodable) {
        self.document = document
    }

    /// A writer whose documents are `CaptionedFigureDocument`s: the figure's title and caption,
    /// `seed`, `parameters` (the same in every JSON) and the figure's results.
    public init<Parameters: Encodable>(seed: UInt64, parameters: Parameters) {
        self.document = { figure in Self.captionedDocument(figure, seed: seed, parameters: parameters, results: figure.results) }
    }

    /// Opens the figure's results as their concrete type, so that the document encodes exactly
    /// as one written with that type.
    static func captionedDocument<Parameters: Encodable, Results: Encodable>(_ figure: CaptionedFigure, seed: UInt64,
                                                                               parameters: Parameters, results: Results) -> any Encodable {
        CaptionedFigureDocument(figure: figure.title, seed: seed, caption: figure.caption, parameters: parameters, results: results)
    }

    /// Draws every figure (among up to `processes` gnuplot processes) into `folder`, then writes
    /// each figure's JSON beside it; returns the figure URLs, in the order of `figures`.
    @discardableResult
    public func write(_ figures: [CaptionedFigure], to folder: URL, renderer: FigureRenderer, processes: Int = 1) throws -> [URL] {
        let urls = figures.map { renderer.url(for: $0.name, in: folder) }
        try renderer.render(zip(figures, urls).map { ($0.figure, $1) }, processes: processes)
        for (figure, url) in zip(figures, urls) {
            try JSONOutput.write(document(figure), to: folder.appendingPathComponent("\(figure.name).json"), figure: url)
        }
        return urls
    }

    /// One line per figure for the terminal: `figure <i> <name>: <the caption's finding>`.
    public static func summary(_ figures: [CaptionedFigure]) -> String {
        figures.enumerated().map { "figure \($0 + 1) \($1.name): \($1.caption.finding)" }.joined(separator: "\n")
    }
}
