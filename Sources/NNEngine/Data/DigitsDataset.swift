import Foundation

/// The UCI "Optical Recognition of Handwritten Digits" set (Alpaydin & Kaynak 1998), as shipped
/// with scikit-learn: 1797 images of 8×8 pixels with values 0…16, and their digit 0…9.
///
/// File format: one example per line, 65 comma-separated integers (64 pixels row by row, then the
/// label), no header; gzip-compressed or plain. Shapes: features [N, 64] with the raw pixel
/// values 0…16 (preprocessing is a separate, fitted step), labels [N] in 0…9.
public enum DigitsDataset {
    /// Pixels per image.
    public static let pixelCount = 64
    /// The largest pixel value.
    public static let maxPixel = 16
    /// Digits 0…9.
    public static let classCount = 10

    /// Reads and checks the digits file at `url`.
    /// - Throws: `LabError` if the file is missing or unreadable, or, with the line and column, if
    ///   a row has the wrong number of fields, a field is not an integer, a pixel is outside
    ///   0…16 or a label outside 0…9.
    public static func load(from url: URL) throws -> Dataset {
        try parse(try GzipFile.read(url), name: url.lastPathComponent)
    }

    /// Parses the CSV text of a digits file; `name` appears in error messages.
    public static func parse(_ data: Data, name: String) throws -> Dataset {
        var features: [Double] = [], labels: [Int] = []
        features.reserveCapacity(1797 * pixelCount)
        let text = String(decoding: data, as: UTF8.self)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if trimmed.allSatisfy({ $0 == " " }) { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == pixelCount + 1 else {
                throw LabError("\(name): line \(lineNumber): expected \(pixelCount + 1) comma-separated fields (64 pixels and a label), found \(fields.count)")
            }
            var column = 1
            for (index, field) in fields.enumerated() {
                let trimmedField = field.trimmingCharacters(in: .whitespaces)
                let isLabel = index == pixelCount
                let range = isLabel ? 0...(classCount - 1) : 0...maxPixel
                guard let value = Int(trimmedField), range.contains(value) else {
                    let what = isLabel ? "label" : "pixel \(index + 1)"
                    throw LabError("\(name): line \(lineNumber), column \(column): \(what) '\(field)' is not an integer in \(range.lowerBound)...\(range.upperBound)")
                }
                if isLabel { labels.append(value) } else { features.append(Double(value)) }
                column += field.count + 1
            }
        }
        guard !labels.isEmpty else { throw LabError("\(name): no examples") }
        return Dataset(features: Tensor(shape: [labels.count, pixelCount], scalars: features),
                       labels: labels, classCount: classCount)
    }

    /// The examples of the first `classes` digits (0…classes−1), for a smaller problem.
    /// - Throws: `LabError` if `classes` is outside 2…10.
    public static func restricted(_ data: Dataset, toClasses classes: Int) throws -> Dataset {
        guard (2...data.classCount).contains(classes) else {
            throw LabError("the digits have \(data.classCount) classes; asked for \(classes)")
        }
        if classes == data.classCount { return data }
        let kept = data.labels.indices.filter { data.labels[$0] < classes }
        let subset = data.subset(kept)
        return Dataset(features: subset.features, labels: subset.labels, classCount: classes)
    }
}
