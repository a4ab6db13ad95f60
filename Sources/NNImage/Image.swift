import NNEngine

/// An RGB image stored planar in float32, values in [0, 1]: the type every transform reads and
/// returns.
///
/// Channel `c` of pixel `(x, y)` is `pixels[c · width · height + y · width + x]`, shape
/// `[3, height, width]` (the CHW layout a network consumes).
///
/// Why planar: resampling, blur and warps run the same code over each channel plane, and a plane
/// is one contiguous array the compiler vectorizes; colour transforms read the three planes at
/// the same index. Why float32: chained transforms (jitter, then blur, then noise) would lose
/// precision at every step in 8 bits and would need clamping in between; float32's 24-bit
/// mantissa is far finer than the 8-bit data it comes from, and it halves the memory traffic of
/// float64, which is what resampling throughput is bound by. Values are only clamped to [0, 1]
/// when an image is written out (`pngImage()`), so a photometric transform can be undone exactly.
public struct Image: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Always 3 (R, G, B); alpha is composited away on reading.
    public static let channels = 3
    /// Planar pixels, `3 · height · width` values.
    public var pixels: [Float]

    /// The largest image the transforms accept, 16 megapixels: a float32 RGB copy is 192 MiB, and
    /// a pipeline holds a few copies at once.
    public static let maximumPixels = 16 * 1024 * 1024

    /// An image from planar pixels.
    public init(width: Int, height: Int, pixels: [Float]) {
        precondition(width > 0 && height > 0, "Image must be at least 1×1, got \(width)×\(height)")
        precondition(pixels.count == 3 * width * height,
                     "\(width)×\(height) RGB image needs \(3 * width * height) values, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image filled with one colour.
    public init(width: Int, height: Int, red: Float, green: Float, blue: Float) {
        let plane = width * height
        var pixels = [Float](repeating: red, count: 3 * plane)
        for i in plane..<(2 * plane) { pixels[i] = green }
        for i in (2 * plane)..<(3 * plane) { pixels[i] = blue }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// The image's size.
    public var size: ImageSize { ImageSize(width: width, height: height) }

    /// Values per channel plane, `width · height`.
    @inline(__always) public var planeCount: Int { width * height }

    /// Channel `channel` of pixel `(x, y)`.
    @inline(__always)
    public subscript(channel: Int, x: Int, y: Int) -> Float {
        get { pixels[channel * planeCount + y * width + x] }
        set { pixels[channel * planeCount + y * width + x] = newValue }
    }

    /// The pixels inside `rect`, which must lie inside the image.
    /// - Shapes: `[3, H, W]` → `[3, rect.height, rect.width]`.
    public func cropped(to rect: PixelRect) -> Image {
        precondition(rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width && rect.y + rect.height <= height
                     && rect.width > 0 && rect.height > 0, "crop \(rect) outside the \(width)×\(height) image")
        var out = [Float](repeating: 0, count: 3 * rect.width * rect.height)
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                var t = 0
                for c in 0..<3 {
                    for y in rect.y..<(rect.y + rect.height) {
                        let start = c * planeCount + y * width + rect.x
                        for x in 0..<rect.width { target[t + x] = source[start + x] }
                        t += rect.width
                    }
                }
            }
        }
        return Image(width: rect.width, height: rect.height, pixels: out)
    }

    /// The largest absolute difference between two images of the same size.
    public func maximumDifference(from other: Image) -> Float {
        precondition(size == other.size, "images differ in size: \(size) and \(other.size)")
        var largest: Float = 0
        for i in pixels.indices { largest = max(largest, abs(pixels[i] - other.pixels[i])) }
        return largest
    }
}
