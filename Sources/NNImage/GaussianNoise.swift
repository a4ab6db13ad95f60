import NNEngine

/// Additive Gaussian noise on the input (the lecture's "adding Gaussian noise to the input"):
/// `v' = v + σ · z`, `z ~ N(0, 1)` per value, `σ ~ U(std)`.
///
/// The record keeps the seed of the noise field rather than the field itself, so it stays small and
/// replays exactly.
public struct GaussianNoise: RandomTransform {
    public var std: ClosedRange<Double>

    public init(std: ClosedRange<Double> = 0...0.1) throws {
        guard std.lowerBound >= 0, std.upperBound <= 1 else { throw LabError("noise std range \(std) must lie within [0, 1]") }
        self.std = std
    }

    public struct Parameters: TransformParameters {
        public var std: Double
        /// Seeds the generator that draws the noise field.
        public var noiseSeed: UInt64
        public func apply(to image: Image) -> Image {
            var generator = RandomStream(seed: noiseSeed)
            var out = image
            let s = Float(std)
            out.pixels.withUnsafeMutableBufferPointer { p in
                for i in p.indices { p[i] += s * Float(generator.normal()) }
            }
            return out
        }
        public var caption: String { "σ = \(short(std, 3))" }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        Parameters(std: generator.uniform(in: std), noiseSeed: generator.next())
    }
}
