import Foundation

/// One lab's folder under the output folder: its figures, and the command that wrote them.
struct GallerySection: Sendable {
    /// The folder's name, e.g. `init-study`.
    var name: String
    var figures: [GalleryFigure]
    /// The recorded command (`RunRecord`), or nil when none describes the folder as it is.
    var command: [String]?

    /// Labs in the order the lectures take them; any other folder follows, alphabetically.
    static let lectureOrder = ["neurons", "losses", "init-study", "optimizers", "babysit", "normalize", "regularize", "dropout", "search",
                                "augment", "grading"]

    /// The sort key of a section named `name`.
    static func order(_ name: String) -> (Int, String) {
        (lectureOrder.firstIndex(of: name) ?? lectureOrder.count, name)
    }
}
