import Foundation

/// The numbers behind a figure, written as JSON beside it.
///
/// Keys are sorted and doubles are printed in their shortest round-tripping form, so the same
/// seed on the same machine gives byte-identical files, and every value keeps full float64
/// precision. NaN and ±∞ (a diverged run) are written as the strings "nan", "inf" and "-inf",
/// since JSON has no literal for them.
public enum JSONOutput {
    /// The key naming the figure file a JSON belongs to, e.g. `"figureFile": "summary.png"`.
    public static let figureFileKey = "figureFile"

    /// The encoder every lab uses.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// Encodes `value` and writes it to `url` atomically, with a final newline. With `figure`,
    /// the JSON also names that figure's file (`figureFileKey`), so that a JSON and its figure
    /// can always be paired, whatever they are renamed to.
    public static func write<T: Encodable>(_ value: T, to url: URL, figure: URL? = nil) throws {
        var data = try figure.map { try encoder().encode(NamingFigure(value: value, figureFile: $0.lastPathComponent)) }
            ?? encoder().encode(value)
        data.append(0x0A)
        try AtomicFile.write(data, to: url)
    }
}

/// A document's own keys plus `figureFile`, in the same JSON object: a second keyed container on
/// the same encoder adds to the object the document's `encode(to:)` made.
private struct NamingFigure<T: Encodable>: Encodable {
    var value: T
    var figureFile: String

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(figureFile, forKey: Key(stringValue: JSONOutput.figureFileKey))
    }
}
