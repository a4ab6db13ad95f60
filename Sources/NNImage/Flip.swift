import CKernels
import NNEngine

/// The axis a flip mirrors across.
public enum FlipAxis: String, Codable, Sendable {
    /// Left ↔ right: `out(x, y) = in(W − 1 − x, y)`.
    case horizontal
    /// Top ↔ bottom: `out(x, y) = in(x, H − 1 − y)`.
    case vertical
}

/// Random flip: mirrors the image with probability `probability` (Krizhevsky et al. 2012 use
/// horizontal flips with p = ½). Exact (no resampling) and its own inverse.
public struct Flip: RandomTransform {
    public var axis: FlipAxis
    public var probability: Double

    public init(axis: FlipAxis = .horizontal, probability: Double = 0.5) throws {
        guard (0...1).contains(probability) else { throw LabError("flip probability \(probability) is outside [0, 1]") }
        self.axis = axis
        self.probability = probability
    }

    public struct Parameters: TransformParameters {
        public var axis: FlipAxis
        public var flipped: Bool
        public init(axis: FlipAxis, flipped: Bool) { self.axis = axis; self.flipped = flipped }
        public func apply(to image: Image) -> Image { flipped ? image.flipped(axis) : image }
        public var caption: String { flipped ? "flipped \(axis == .horizontal ? "left-right" : "top-bottom")" : "not flipped" }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        Parameters(axis: axis, flipped: generator.uniform() < probability)
    }
}

extension Image {
    /// The image mirrored across `axis`.
    public func flipped(_ axis: FlipAxis) -> Image {
        let (w, h) = (width, height)
        let out = [Float](unsafeUninitializedCapacity: pixels.count) { target, count in
            pixels.withUnsafeBufferPointer { source in
                if axis == .horizontal {
                    // Every row of the three planes reversed, with SIMD shuffles (`nnlab_reverse_rows`).
                    nnlab_reverse_rows(source.baseAddress!, target.baseAddress!, w, 3 * h)
                } else {
                    for c in 0..<3 {
                        let base = c * w * h
                        for y in 0..<h {
                            (target.baseAddress! + base + y * w).initialize(from: source.baseAddress! + base + (h - 1 - y) * w, count: w)
                        }
                    }
                }
            }
            count = pixels.count
        }
        return Image(width: w, height: h, pixels: out)
    }
}
