import Foundation
import NNEngine
import NNRender

extension Image {
    /// Converts an 8-bit PNG to planar float: `v = byte / 255`. An alpha channel is composited over
    /// white, `v = a·c + (1 − a)`, since every transform here works on opaque RGB photos.
    public init(_ png: PNGImage) {
        let plane = png.width * png.height
        var pixels = [Float](repeating: 0, count: 3 * plane)
        let scale: Float = 1 / 255
        png.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                let n = png.channels
                for i in 0..<plane {
                    let alpha: Float = n == 4 ? Float(source[i * n + 3]) * scale : 1
                    for c in 0..<3 {
                        target[c * plane + i] = alpha * Float(source[i * n + c]) * scale + (1 - alpha)
                    }
                }
            }
        }
        self.init(width: png.width, height: png.height, pixels: pixels)
    }

    /// Reads a PNG file of any bit depth and colour type.
    /// - Throws: `LabError` for a missing, non-PNG, corrupt or empty file (libpng's message), or
    ///   one larger than `Image.maximumPixels`.
    public init(contentsOf url: URL) throws {
        let png = try PNGImage(contentsOf: url)
        guard png.width * png.height <= Self.maximumPixels else {
            throw LabError("\(url.path) is \(png.width)×\(png.height) (\(png.width * png.height) pixels); the limit is "
                + "\(Self.maximumPixels / (1024 * 1024)) megapixels (\(Self.maximumPixels) pixels), since each float copy takes 12 bytes a pixel")
        }
        self.init(png)
    }

    /// The image as 8-bit RGB: `byte = round(255 · clamp(v, 0, 1))`.
    public func pngImage() -> PNGImage {
        let plane = planeCount
        var bytes = [UInt8](repeating: 0, count: 3 * plane)
        pixels.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { target in
                for i in 0..<plane {
                    for c in 0..<3 {
                        let v = min(max(source[c * plane + i], 0), 1)
                        target[i * 3 + c] = UInt8(v * 255 + 0.5)
                    }
                }
            }
        }
        return PNGImage(width: width, height: height, channels: 3, pixels: bytes)
    }

    /// Writes the image as an 8-bit RGB PNG, atomically.
    public func write(to url: URL) throws {
        try pngImage().write(to: url)
    }
}
