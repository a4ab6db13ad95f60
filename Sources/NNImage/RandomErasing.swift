import Foundation
import NNEngine

/// Random erasing / cutout (Zhong et al. 2020; DeVries & Taylor 2017, "set random image regions to
/// zero"): a rectangle covering `s ~ U(scale)` of the area with aspect `log r ~ U(log ratio)` is
/// replaced by a constant or by uniform noise.
public struct RandomErasing: RandomTransform {
    /// What fills the erased rectangle.
    public enum Fill: Codable, Equatable, Sendable {
        /// A grey value in [0, 1] (cutout uses 0).
        case constant(Float)
        /// Independent `U(0, 1)` values drawn from the recorded seed.
        case noise(seed: UInt64)

        // Names the constant in JSON, `{"constant": {"value": 0}}`, where the synthesized key is `"_0"`.
        enum ConstantCodingKeys: String, CodingKey { case _0 = "value" }
    }

    public var scale: ClosedRange<Double>
    public var ratio: ClosedRange<Double>
    /// Fill with noise rather than `value`.
    public var noise: Bool
    public var value: Float

    public init(scale: ClosedRange<Double> = 0.02...0.33, ratio: ClosedRange<Double> = 0.3...3.3, noise: Bool = false, value: Float = 0) throws {
        guard scale.lowerBound > 0, scale.upperBound <= 1 else { throw LabError("erasing scale range \(scale) must lie within (0, 1]") }
        guard ratio.lowerBound > 0, ratio.upperBound.isFinite else { throw LabError("erasing ratio range \(ratio) must be positive") }
        guard (0...1).contains(value) else { throw LabError("erasing value \(value) is outside [0, 1]") }
        self.scale = scale; self.ratio = ratio; self.noise = noise; self.value = value
    }

    public struct Parameters: TransformParameters {
        public var region: PixelRect
        public var fill: Fill
        public func apply(to image: Image) -> Image {
            var out = image
            var generator: RandomStream?
            if case .noise(let seed) = fill { generator = RandomStream(seed: seed) }
            for c in 0..<3 {
                for y in region.y..<(region.y + region.height) {
                    for x in region.x..<(region.x + region.width) {
                        switch fill {
                        case .constant(let v): out[c, x, y] = v
                        case .noise: out[c, x, y] = Float(generator!.uniform())
                        }
                    }
                }
            }
            return out
        }
        public var caption: String {
            "erase \(region.width)×\(region.height) at (\(region.x), \(region.y))" + (fill == .constant(0) ? "" : ", noise")
        }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        let area = Double(size.width * size.height)
        let logRatio = log(ratio.lowerBound)...log(ratio.upperBound)
        var w = 1, h = 1
        // Up to 10 draws for a rectangle that fits, then the largest that does.
        for attempt in 0..<10 {
            let target = area * generator.uniform(in: scale), aspect = exp(generator.uniform(in: logRatio))
            w = max(1, Int((target * aspect).squareRoot().rounded()))
            h = max(1, Int((target / aspect).squareRoot().rounded()))
            if w <= size.width && h <= size.height { break }
            if attempt == 9 { w = min(w, size.width); h = min(h, size.height) }
        }
        let x = generator.integer(below: size.width - w + 1), y = generator.integer(below: size.height - h + 1)
        let fill: Fill = noise ? .noise(seed: generator.next()) : .constant(value)
        return Parameters(region: PixelRect(x: x, y: y, width: w, height: h), fill: fill)
    }
}
