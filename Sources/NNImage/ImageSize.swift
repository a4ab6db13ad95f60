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

/// An axis-aligned rectangle of whole pixels: columns `x..<x+width`, rows `y..<y+height`.
public struct PixelRect: Codable, Equatable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Whether the rectangle is non-empty and lies inside an image of `size`.
    public func fits(in size: ImageSize) -> Bool {
        width > 0 && height > 0 && x >= 0 && y >= 0 && x + width <= size.width && y + height <= size.height
    }

    public var description: String { "\(width)×\(height) at (\(x), \(y))" }
}
