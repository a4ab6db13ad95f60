import Foundation
import NNFiles

/// One figure of a lab's report, as `CaptionedFigureWriter` writes it: the file name (without
/// extension), the short title and gallery caption its JSON carries, the drawing, and the numbers
/// it plots (the JSON's `results`).
public struct CaptionedFigure {
    /// The file name without extension: `<name>.png` and `<name>.json`.
    public var name: String
    /// The JSON's `"figure"` key.
    public var title: String
    public var figure: any Figure
    /// The JSON's `"caption"` key, read by the gallery.
    public var caption: GalleryCaption
    /// The JSON's `"results"` key: the numbers the figure plots, encoded as their own type.
    public var results: any Encodable

    public init<Results: Encodable>(_ name: String, _ title: String, _ figure: any Figure, _ caption: GalleryCaption, _ results: Results) {
        self.name = name
        self.title = title
        self.figure = figure
        self.caption = caption
        self.results = results
    }
}
