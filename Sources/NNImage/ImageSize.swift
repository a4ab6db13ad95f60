/// A width and height in pixels.
public struct ImageSize: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// A square size.
    public init(side: Int) { self.init(width: side, height: side) }

    /// The shorter side.
    public var shortSide: Int { min(width, height) }

    /// The size scaled so that the shorter side is `side`, keeping the aspect ratio (the longer
    /// side is rounded to the nearest pixel), as ResNet's "resize, short side = L".
    public func withShortSide(_ side: Int) -> ImageSize {
        if width <= height {
            return ImageSize(width: side, height: max(1, Int((Double(height) * Double(side) / Double(width)).rounded())))
        }
        return ImageSize(width: max(1, Int((Double(width) * Double(side) / Double(height)).rounded())), height: side)
    }

    public var description: String { "\(width)×\(height)" }
}
