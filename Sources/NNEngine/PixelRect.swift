/// An axis-aligned rectangle of an image's whole pixels: columns `x ..< x + width`, rows
/// `y ..< y + height`, with row 0 at the top, so `x` is the left column and `y` the top row.
/// Where a crop is taken from, a region that is erased or pasted, a window outlined in a figure.
///
/// Its JSON names the four fields as they are here, `{"x", "y", "width", "height"}` (augmentation
/// records replay from them).
public struct PixelRect: Codable, Equatable, Sendable, CustomStringConvertible {
    /// The left column.
    public var x: Int
    /// The top row.
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height) at (\(x), \(y))" }
}
