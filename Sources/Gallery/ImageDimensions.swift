import Foundation

/// The pixel size a figure file declares in its header, read without decoding it, so that the
/// page can reserve each figure's space (no jumping while images load) and give wide ones a row.
enum ImageDimensions {
    /// Width and height from a PNG's IHDR, a GIF's logical screen, or an SVG's root `width` and
    /// `height`; nil for anything else or a header that does not parse.
    static func read(_ url: URL) -> (width: Int, height: Int)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: 2048))
        func bigEndian(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        switch url.pathExtension.lowercased() {
        case "png":
            guard header.count >= 24, header[12..<16].elementsEqual(Array("IHDR".utf8)) else { return nil }
            return positive(bigEndian(16), bigEndian(20))
        case "gif":
            guard header.count >= 10, header[0..<3].elementsEqual(Array("GIF".utf8)) else { return nil }
            return positive(Int(header[6]) | Int(header[7]) << 8, Int(header[8]) | Int(header[9]) << 8)
        case "svg":
            let text = String(decoding: header, as: UTF8.self)
            guard let root = text.range(of: "<svg") else { return nil }
            let tag = text[root.upperBound...].prefix { $0 != ">" }
            return positive(attribute("width", in: tag), attribute("height", in: tag))
        default:
            return nil
        }
    }

    private static func positive(_ width: Int?, _ height: Int?) -> (width: Int, height: Int)? {
        guard let width, let height, width > 0, height > 0 else { return nil }
        return (width, height)
    }

    /// The integer part of `name="123.4"` (or `123px`) in an SVG tag.
    private static func attribute(_ name: String, in tag: Substring) -> Int? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return Int(tag[start.upperBound...].prefix { $0.isNumber })
    }
}
