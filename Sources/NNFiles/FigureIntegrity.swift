import CZlib
import Foundation
import NNEngine

/// Checks that a figure file gnuplot wrote is complete before it may replace anything.
///
/// gnuplot exits 0 even when its output was cut short (on a full disk it writes what fits and
/// says nothing), so a non-empty file proves little. Each format has an end that is written last:
/// - PNG: a chain of chunks, each `length, type, data, CRC-32(type + data)`, from `IHDR` to
///   `IEND` (PNG specification, ISO/IEC 15948, §5.3); every CRC is checked with zlib's `crc32`;
/// - SVG: the closing `</svg>` tag;
/// - PDF: the `%%EOF` marker after the cross-reference table (ISO 32000-1, §7.5.5);
/// - GIF: the trailer byte `0x3B` (GIF89a specification, §27).
public enum FigureIntegrity {
    /// Why the file at `url` is not a complete figure, or `nil` if it is. The format is taken
    /// from the file extension; other extensions are only required to be non-empty.
    public static func problem(with url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return "it is missing or unreadable" }
        guard !data.isEmpty else { return "it is empty" }
        switch url.pathExtension.lowercased() {
        case "png": return pngProblem(data)
        case "svg": return ends(data, with: "</svg>", within: 64) ? nil : "the SVG has no closing </svg>"
        case "pdf": return data.starts(with: Data("%PDF-".utf8)) && ends(data, with: "%%EOF", within: 64)
            ? nil : "the PDF has no %%EOF marker"
        case "gif": return data.starts(with: Data("GIF8".utf8)) && data.last == 0x3B ? nil : "the GIF has no trailer (0x3B)"
        default: return nil
        }
    }

    /// The 8-byte signature every PNG starts with.
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Walks the chunks from the signature to `IEND`, checking each CRC.
    static func pngProblem(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        guard bytes.starts(with: pngSignature) else { return "it does not start with the PNG signature" }
        var offset = pngSignature.count
        var first = true
        while offset + 12 <= bytes.count {
            let length = Int(bigEndian(bytes, offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard length <= Int(Int32.max), offset + 12 + length <= bytes.count else {
                return "the PNG is cut short in its \(type) chunk at byte \(offset)"
            }
            if first, type != "IHDR" { return "the PNG's first chunk is \(type), not IHDR" }
            first = false
            let stored = bigEndian(bytes, offset + 8 + length)
            let computed = bytes[offset + 4..<offset + 8 + length].withUnsafeBufferPointer {
                UInt32(crc32(0, $0.baseAddress, uInt($0.count)))
            }
            guard stored == computed else { return "the PNG's \(type) chunk at byte \(offset) has a bad CRC" }
            if type == "IEND" { return nil }
            offset += 12 + length
        }
        return "the PNG ends before its IEND chunk (\(bytes.count) bytes)"
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Whether `text` appears in the last `window` bytes of `data` (a newline may follow it).
    static func ends(_ data: Data, with text: String, within window: Int) -> Bool {
        String(decoding: data.suffix(window), as: UTF8.self).contains(text)
    }
}
