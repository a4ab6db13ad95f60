import NNEngine

/// ResNet's scale augmentation (He et al. 2016, after Simonyan & Zisserman 2015): resize so the
/// short side is `L ~ U{shortSides}`, then take a random `crop × crop` window.
/// - Shapes: `[3, H, W]` → `[3, crop, crop]`.
public struct ScaleJitterCrop: RandomTransform {
    public var shortSides: ClosedRange<Int>
    public var crop: Int
    public var filter: ResamplingFilter

    public init(shortSides: ClosedRange<Int> = 256...480, crop: Int = 224, filter: ResamplingFilter = .bilinear) throws {
        guard crop > 0, shortSides.lowerBound >= crop else {
            throw LabError("scale jitter: the short side range \(shortSides) must start at or above the crop \(crop)")
        }
        guard shortSides.upperBound <= Resize.maximumSide else { throw LabError("scale jitter: short side above \(Resize.maximumSide)") }
        self.shortSides = shortSides
        self.crop = crop
        self.filter = filter
    }

    public struct Parameters: TransformParameters {
        /// The sampled `L`.
        public var shortSide: Int
        /// The image size after the resize.
        public var resized: ImageSize
        /// The crop window in the resized image.
        public var region: PixelRect
        public var filter: ResamplingFilter
        public func apply(to image: Image) -> Image {
            image.resized(to: resized, filter: filter).cropped(to: region)
        }
        public var caption: String { "L = \(shortSide), crop at (\(region.x), \(region.y))" }
    }

    public func sample(for input: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        let side = shortSides.lowerBound + generator.integer(below: shortSides.count)
        let resized = input.withShortSide(side)
        guard resized.width <= Resize.maximumSide, resized.height <= Resize.maximumSide else {
            throw LabError("scale jitter: L = \(side) makes the \(input) image \(resized); the limit is \(Resize.maximumSide) a side")
        }
        let x = generator.integer(below: resized.width - crop + 1)
        let y = generator.integer(below: resized.height - crop + 1)
        return Parameters(shortSide: side, resized: resized, region: PixelRect(x: x, y: y, width: crop, height: crop), filter: filter)
    }
}
