import CKernels
import Foundation
import NNEngine
import NNFiles

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

    /// Reads a PNG file of any bit depth and colour type (through libpng, via `PNGImage`).
    /// - Throws: `LabError` for a missing file, a file that is not a PNG, a corrupt PNG (libpng's
    ///   message), a 0×0 image, or one larger than `Image.maximumPixels`.
    public init(contentsOf url: URL) throws {
        let data = try InputFile.read(url, what: "image", limit: PNGImage.fileLimit)
        // The size is checked from the IHDR chunk before decoding, so an oversized file is refused
        // without first spending its pixels' worth of memory.
        if let size = Self.headerSize(data) {
            guard size.width > 0, size.height > 0 else { throw LabError("\(url.path) is an empty \(size.width)×\(size.height) image") }
            // Each side is read from 4 bytes, so the product can pass Int.max (2³² · 2³²).
            let (pixels, overflow) = size.width.multipliedReportingOverflow(by: size.height)
            guard !overflow, pixels <= Self.maximumPixels else {
                throw LabError("\(url.path) is \(size.width)×\(size.height) (\(Double(size.width) * Double(size.height)) pixels); the limit is "
                    + "\(Self.maximumPixels / (1024 * 1024)) megapixels (\(Self.maximumPixels) pixels), since each float copy takes 12 bytes a pixel")
            }
        }
        self.init(try PNGImage(pngData: data, name: url.path))
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian), or nil if the bytes do
    /// not start like a PNG; libpng then reports what is wrong.
    static func headerSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        let read = { (i: Int) in bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (read(16), read(20))
    }

    /// The image as 8-bit RGB: `byte = round(255 · clamp(v, 0, 1))`.
    public func pngImage() -> PNGImage {
        let plane = planeCount
        let bytes = [UInt8](unsafeUninitializedCapacity: 3 * plane) { target, count in
            pixels.withUnsafeBufferPointer { nnlab_planes_to_rgb8($0.baseAddress!, plane, target.baseAddress!) }
            count = 3 * plane
        }
        return PNGImage(width: width, height: height, channels: 3, pixels: bytes)
    }

    /// Writes the image as an 8-bit RGB PNG, atomically.
    public func write(to url: URL) throws {
        try pngImage().write(to: url)
    }
}
