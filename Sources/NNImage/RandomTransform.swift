import NNEngine

/// The recorded parameters of one transform application: enough to replay it exactly.
///
/// `apply(to:)` is deterministic: it is both the path a fresh sample takes after its parameters
/// are drawn and the replay path, so a replayed sample is identical by construction.
public protocol TransformParameters: Codable, Equatable, Sendable {
    /// Applies the transform with these parameters.
    func apply(to image: Image) -> Image
    /// A short caption for a contact sheet, e.g. `flip h` or `crop 224×224 at (12, 40)`.
    var caption: String { get }
}

/// A transform that draws its random parameters from a seeded generator.
///
/// `sample` draws the parameters for an input of a given size (throwing `LabError` when the
/// transform cannot apply, e.g. a crop larger than the image); `Parameters.apply` does the pixel
/// work. Keeping the two apart is what makes every sample replayable and captionable.
public protocol RandomTransform: Sendable {
    associatedtype Parameters: TransformParameters
    /// Draws the parameters for an input of `size`.
    func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters
}

extension RandomTransform {
    /// Draws parameters for `image` and applies them; returns the result and the record.
    public func callAsFunction(_ image: Image, using generator: inout RandomStream) throws -> (image: Image, parameters: Parameters) {
        let parameters = try sample(for: image.size, using: &generator)
        return (parameters.apply(to: image), parameters)
    }
}

extension RandomStream {
    /// A uniform integer in `0..<count`, by Lemire's multiply-shift (unbiased enough for pixel
    /// positions: the bias is below count / 2⁶⁴).
    @inline(__always)
    mutating func integer(below count: Int) -> Int {
        precondition(count > 0, "integer(below: \(count))")
        return Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A uniform draw from a closed range of doubles (a degenerate range gives its bound
    /// without consuming a draw, so fixed parameters do not shift the stream).
    @inline(__always)
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound == range.upperBound ? range.lowerBound : uniform(range.lowerBound, range.upperBound)
    }
}

/// Formats a number for a caption: up to `digits` decimals, trailing zeros removed.
func short(_ value: Double, _ digits: Int = 2) -> String {
    var text = String(format: "%.\(digits)f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
}
