/// A rectangle of an image's pixels: rows `top ..< top + height`, columns `left ..< left + width`
/// (row 0 at the top), e.g. where a crop is taken from.
public struct PixelWindow: Codable, Equatable, Sendable {
    public var top: Int
    public var left: Int
    public var height: Int
    public var width: Int

    public init(top: Int, left: Int, height: Int, width: Int) {
        self.top = top
        self.left = left
        self.height = height
        self.width = width
    }
}
