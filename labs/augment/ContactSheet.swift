import NNImage

/// One figure's content as plain values: the original and the samples, each with a caption and
/// the parameters that made it. The report composes it into pixels and renders it.
public struct ContactSheet: Sendable {
    /// A thumbnail and its caption.
    public struct Tile: Sendable {
        public var image: Image
        public var caption: String
        /// Enlarge with nearest neighbour (tiny images such as the 8×8 digits keep their pixels).
        public var pixelated: Bool
        public init(image: Image, caption: String, pixelated: Bool = false) {
            self.image = image
            self.caption = caption
            self.pixelated = pixelated
        }
    }

    public var kind: SheetKind
    public var title: String
    public var tiles: [Tile]
    public var columns: Int
    /// The side of the square box each thumbnail is fitted into, in pixels.
    public var tileSide: Int
    /// Everything the JSON beside the figure holds.
    public var data: SheetData
}
