import Foundation

/// One figure found under the output folder, with everything its card shows.
public struct GalleryFigure: Sendable {
    /// How a figure file is shown: browsers draw PNG, GIF (animated) and SVG in an `<img>`; a PDF
    /// gets a link, since an embedded PDF viewer is not something every browser has.
    public enum Display: Sendable {
        case image
        case link
    }

    /// The figure file, relative to the output folder, as path components (`init-study`, `summary.png`).
    public var path: [String]
    /// The JSON of its numbers, relative to the output folder, if there is one.
    public var json: [String]?
    public var kind: FigureKind
    public var caption: FigureCaption
    /// Width and height in pixels, when the file's header says (PDF: never).
    public var size: (width: Int, height: Int)?

    public var display: Display { path.last.map { $0.lowercased().hasSuffix(".pdf") } == true ? .link : .image }

    /// The file extensions of figures: what the renderer writes, and GIF animations.
    public static let fileExtensions: Set<String> = ["png", "svg", "pdf", "gif"]

    /// A figure at least about twice as wide as tall (the six-panel histograms, side-by-side
    /// panels) gets a whole row, so that its text stays legible.
    var isWide: Bool { size.map { Double($0.width) >= 2.2 * Double($0.height) } ?? false }
}
