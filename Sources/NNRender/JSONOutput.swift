import Foundation

/// The numbers behind a figure, written as JSON beside it.
///
/// Keys are sorted and doubles are printed in their shortest round-tripping form, so the same
/// seed on the same machine gives byte-identical files, and every value keeps full float64
/// precision. NaN and ±∞ (a diverged run) are written as the strings "nan", "inf" and "-inf",
/// since JSON has no literal for them.
public enum JSONOutput {
    /// The encoder every lab uses.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// Encodes `value` and writes it to `url` atomically, with a final newline.
    public static func write<T: Encodable>(_ value: T, to url: URL) throws {
        var data = try encoder().encode(value)
        data.append(0x0A)
        try AtomicFile.write(data, to: url)
    }
}
