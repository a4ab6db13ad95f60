import Foundation
import NNEngine

/// Random resized crop ("Inception-style" scale augmentation, Szegedy et al. 2015): a region
/// covering a random fraction `s ~ U(scale)` of the area with aspect ratio `r`, `log r ~
/// U(log ratio)`, resampled to `size`.
///
/// Region: `w = round(√(s·A·r))`, `h = round(√(s·A/r))`, at a uniform position; up to 10 draws
/// until it fits, then the whole image clamped to the ratio range, centred (torchvision's rule).
/// - Shapes: `[3, H, W]` → `[3, size.height, size.width]`.
public struct RandomResizedCrop: RandomTransform {
    public var size: ImageSize
    public var scale: ClosedRange<Double>
    public var ratio: ClosedRange<Double>
    public var filter: ResamplingFilter

    public init(size: ImageSize, scale: ClosedRange<Double> = 0.08...1, ratio: ClosedRange<Double> = (3.0 / 4)...(4.0 / 3),
                filter: ResamplingFilter = .bilinear) throws {
        guard (1...Resize.maximumSide).contains(size.width), (1...Resize.maximumSide).contains(size.height) else {
            throw LabError("random resized crop size \(size): each side must be within 1...\(Resize.maximumSide)")
        }
        guard scale.lowerBound > 0, scale.upperBound <= 1 else { throw LabError("crop scale range \(scale) must lie within (0, 1]") }
        guard ratio.lowerBound > 0, ratio.upperBound.isFinite else { throw LabError("crop ratio range \(ratio) must be positive") }
        self.size = size
        self.scale = scale
        self.ratio = ratio
        self.filter = filter
    }

    public struct Parameters: TransformParameters {
        /// The source region, resampled to `size`.
        public var region: PixelRect
        public var size: ImageSize
        public var filter: ResamplingFilter
        public init(region: PixelRect, size: ImageSize, filter: ResamplingFilter) {
            self.region = region; self.size = size; self.filter = filter
        }
        public func apply(to image: Image) -> Image { image.resized(region: region, to: size, filter: filter) }
        public var caption: String { "\(region.width)×\(region.height) at (\(region.x),\(region.y)) → \(size.width)" + (size.width == size.height ? "" : "×\(size.height)") }
    }

    public func sample(for input: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        let area = Double(input.width * input.height)
        let logRatio = log(ratio.lowerBound)...log(ratio.upperBound)
        for _ in 0..<10 {
            let target = area * generator.uniform(in: scale)
            let aspect = exp(generator.uniform(in: logRatio))
            let w = Int((target * aspect).squareRoot().rounded())
            let h = Int((target / aspect).squareRoot().rounded())
            if w > 0, h > 0, w <= input.width, h <= input.height {
                let x = generator.integer(below: input.width - w + 1)
                let y = generator.integer(below: input.height - h + 1)
                return Parameters(region: PixelRect(x: x, y: y, width: w, height: h), size: size, filter: filter)
            }
        }
        // Fallback: the largest centred region whose aspect ratio is inside the range.
        let inputRatio = Double(input.width) / Double(input.height)
        var (w, h) = (input.width, input.height)
        if inputRatio < ratio.lowerBound {
            h = max(1, Int((Double(w) / ratio.lowerBound).rounded()))
        } else if inputRatio > ratio.upperBound {
            w = max(1, Int((Double(h) * ratio.upperBound).rounded()))
        }
        return Parameters(region: PixelRect(x: (input.width - w) / 2, y: (input.height - h) / 2, width: w, height: h),
                          size: size, filter: filter)
    }
}
