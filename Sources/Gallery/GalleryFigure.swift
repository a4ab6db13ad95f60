import Foundation

/// One figure found under the output folder, with everything its card shows.
struct GalleryFigure: Sendable {
    /// How a figure file is shown: browsers draw PNG, GIF (animated) and SVG in an `<img>`; a PDF
    /// gets a link, since an embedded PDF viewer is not something every browser has.
    enum Display: Sendable {
        case image
        case link
    }

    /// The figure file, relative to the output folder, as path components (`init-study`, `summary.png`).
    var path: [String]
    /// The JSON of its numbers, relative to the output folder, if there is one.
    var json: [String]?
    var kind: FigureKind
    var caption: FigureCaption
    /// Width and height in pixels, when the file's header says (PDF: never).
    var size: (width: Int, height: Int)?

    var display: Display { path.last.map { $0.lowercased().hasSuffix(".pdf") } == true ? .link : .image }

    /// The file extensions of figures: what the renderer writes, and GIF animations.
    static let fileExtensions: Set<String> = ["png", "svg", "pdf", "gif"]

    /// A figure at least about twice as wide as tall (the six-panel histograms, side-by-side
    /// panels) gets a whole row, so that its text stays legible.
    var isWide: Bool { aspectRatio >= 2.2 }

    /// A strip of panels (the 1920×440 histograms) needs the whole width: its caption goes below.
    var isPanorama: Bool { aspectRatio >= 3.2 }

    private var aspectRatio: Double { size.map { Double($0.width) / Double($0.height) } ?? 1 }
}
