import CZlib
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

    /// Reads the gzip-compressed CSV (65 integers a row: 64 pixels then the label) through zlib.
    /// - Throws: `LabError` naming the file and the first malformed row.
    public static func load(_ url: URL) throws -> [Digit] {
        guard let file = gzopen(url.path, "rb") else { throw LabError("cannot open \(url.path): no such file or not readable") }
        defer { gzclose(file) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if read < 0 {
                var code: Int32 = 0
                throw LabError("cannot decompress \(url.path): zlib: \(String(cString: gzerror(file, &code)))")
            }
            if read == 0 { break }
            bytes.append(contentsOf: buffer[0..<Int(read)])
        }
        var digits: [Digit] = []
        for (row, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").enumerated() {
            let values = line.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 65, values[..<64].allSatisfy({ (0...16).contains($0) }), (0...9).contains(values[64]) else {
                throw LabError("\(url.path) row \(row + 1) is not 64 pixels in 0...16 and a label in 0...9")
            }
            digits.append(Digit(pixels: Array(values[..<64]), label: values[64], row: row))
        }
        guard !digits.isEmpty else { throw LabError("\(url.path) holds no digits") }
        return digits
    }
}
