import NNEngine

extension PixelRect {
    /// Whether the rectangle is non-empty and lies inside an image of `size`.
    public func fits(in size: ImageSize) -> Bool {
        width > 0 && height > 0 && x >= 0 && y >= 0 && x + width <= size.width && y + height <= size.height
    }
}
