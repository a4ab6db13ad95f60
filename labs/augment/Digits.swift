import Foundation
import NNEngine
import NNImage

/// One 8×8 handwritten digit of the UCI set: 64 intensities 0…16, row by row, and its label.
public struct Digit: Equatable, Sendable {
    public var pixels: [Int]
    public var label: Int
    /// The row in the file (0-based), for the JSON.
    public var row: Int

    /// The digit as an image, ink dark on white: `v = 1 − intensity / 16`.
    public var image: Image {
        let plane = pixels.map { 1 - Float($0) / 16 }
        return Image(width: 8, height: 8, pixels: plane + plane + plane)
    }

    /// Reads the gzip-compressed CSV through the engine's `DigitsDataset` (which reports a
    /// malformed row with its line and column).
    public static func load(_ url: URL) throws -> [Digit] {
        let data = try DigitsDataset.load(from: url)
        let width = DigitsDataset.pixelCount
        return data.labels.enumerated().map { row, label in
            Digit(pixels: data.features.scalars[(row * width)..<((row + 1) * width)].map { Int($0) }, label: label, row: row)
        }
    }
}
