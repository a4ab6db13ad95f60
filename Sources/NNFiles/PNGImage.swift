import CLibPNG
import Foundation
import NNEngine

/// An 8-bit RGB or RGBA image, interleaved row by row, read with libpng and written with libdeflate.
///
/// Pixel `(x, y)` channel `c` is `pixels[(y · width + x) · channels + c]`.
/// Reading goes through libpng's simplified API (`png_image_*`), which reports errors as a message in
/// the `png_image` struct instead of `longjmp`-ing through the caller: Swift frames must never be
/// jumped over. Any bit depth and colour type (grey, palette, 16-bit, with or without alpha) is
/// read and converted to 8-bit RGB, or RGBA when the file has transparency. Writing goes through
/// `PNGEncoder` (libdeflate), several times faster than libpng's writer.
public struct PNGImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// 3 (RGB) or 4 (RGBA).
    public let channels: Int
    public var pixels: [UInt8]

    /// The largest image read or made, 64 megapixels (256 MiB as RGBA8): beyond that the engine's
    /// float copies of it would no longer fit comfortably in memory.
    public static let maximumPixels = 64 * 1024 * 1024

    /// The largest PNG file read, 256 MiB: a 64-megapixel photo compresses to well under that, and
    /// the limit keeps a wrong path (a disk image, `/dev/zero`) from being read into memory whole.
    public static let fileLimit = 256 << 20

    /// An image from interleaved pixels.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(channels == 3 || channels == 4, "PNGImage has 3 or 4 channels, got \(channels)")
        precondition(pixels.count == width * height * channels,
                     "\(width)×\(height)×\(channels) image needs \(width * height * channels) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Reads a PNG file.
    /// - Throws: `LabError` for a missing file, a file that is not a PNG, a corrupt PNG (with
    ///   libpng's message), an empty image, or one larger than `maximumPixels`.
    public init(contentsOf url: URL) throws {
        let data = try InputFile.read(url, what: "image", limit: Self.fileLimit)
        try self.init(pngData: data, name: url.path)
    }

    /// Decodes PNG bytes; `name` is used in error messages.
    public init(pngData data: Data, name: String = "image") throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard data.count >= 8, Array(data.prefix(8)) == signature else {
            throw LabError("\(name) is not a PNG file (its first bytes are not the PNG signature)")
        }
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let began = data.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard began != 0 else { throw LabError("corrupt PNG \(name): libpng: \(Self.message(of: image))") }
        let (width, height) = (Int(image.width), Int(image.height))
        guard width > 0, height > 0 else { throw LabError("\(name) is an empty \(width)×\(height) image") }
        guard width * height <= Self.maximumPixels else {
            throw LabError("\(name) is \(width)×\(height); the limit is \(Self.maximumPixels / (1024 * 1024)) megapixels")
        }
        let hasAlpha = image.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA) != 0
        let channels = hasAlpha ? 4 : 3
        image.format = hasAlpha ? Self.rgbaFormat : Self.rgbFormat
        // Without this flag libpng takes 16-bit samples of a file with no gAMA/sRGB chunk as
        // linear light and gamma-encodes them on the way to 8 bits (32896 would read as 186, not
        // 128). PNG samples are sRGB-encoded unless the file says otherwise.
        image.flags |= png_uint_32(PNG_IMAGE_FLAG_16BIT_sRGB)
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        let finished = data.withUnsafeBytes { _ in
            pixels.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
            }
        }
        guard finished != 0 else { throw LabError("corrupt PNG \(name): libpng: \(Self.message(of: image))") }
        self.init(width: width, height: height, channels: channels, pixels: pixels)
    }

    /// The image encoded as PNG bytes (`PNGEncoder`: Average filter, libdeflate level 1).
    public func pngData() throws -> Data {
        try pixels.withUnsafeBufferPointer { try PNGEncoder.encode(width: width, height: height, channels: channels, pixels: $0) }
    }

    /// Writes the image as PNG, atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(try pngData(), to: url)
    }

    /// libpng's `PNG_FORMAT_RGB` and `PNG_FORMAT_RGBA`, spelled from their flags because the
    /// compound macros do not import into Swift.
    private static let rgbFormat = png_uint_32(PNG_FORMAT_FLAG_COLOR)
    private static let rgbaFormat = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)

    /// libpng's error text, a NUL-terminated `char[64]` inside the struct.
    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
