import NNEngine

/// The recorded region of a random or center crop.
public struct CropParameters: TransformParameters {
    public var region: PixelRect
    public init(region: PixelRect) { self.region = region }
    public func apply(to image: Image) -> Image { image.cropped(to: region) }
    public var caption: String { "crop \(region.width)×\(region.height) at (\(region.x), \(region.y))" }
}

/// Random crop: a `size` window at a uniformly random position, every position equally likely.
/// - Shapes: `[3, H, W]` → `[3, size.height, size.width]`; needs `size ≤ (W, H)`.
public struct RandomCrop: RandomTransform {
    public var size: ImageSize

    public init(size: ImageSize) throws {
        guard size.width > 0, size.height > 0 else { throw LabError("crop size \(size) must be at least 1×1") }
        self.size = size
    }

    public func sample(for input: ImageSize, using generator: inout RandomStream) throws -> CropParameters {
        try Self.check(size, fitsIn: input)
        let x = generator.integer(below: input.width - size.width + 1)
        let y = generator.integer(below: input.height - size.height + 1)
        return CropParameters(region: PixelRect(x: x, y: y, width: size.width, height: size.height))
    }

    static func check(_ size: ImageSize, fitsIn input: ImageSize) throws {
        guard size.width <= input.width, size.height <= input.height else {
            throw LabError("crop \(size) is larger than the \(input) image")
        }
    }
}

/// Center crop: the `size` window in the middle (offsets rounded down, as torchvision rounds).
/// - Shapes: `[3, H, W]` → `[3, size.height, size.width]`; needs `size ≤ (W, H)`.
public struct CenterCrop: RandomTransform {
    public var size: ImageSize

    public init(size: ImageSize) throws {
        guard size.width > 0, size.height > 0 else { throw LabError("crop size \(size) must be at least 1×1") }
        self.size = size
    }

    public func sample(for input: ImageSize, using generator: inout RandomStream) throws -> CropParameters {
        try RandomCrop.check(size, fitsIn: input)
        return CropParameters(region: Self.region(size, in: input))
    }

    /// The centred window of `size` in an image of `input`.
    public static func region(_ size: ImageSize, in input: ImageSize) -> PixelRect {
        PixelRect(x: (input.width - size.width) / 2, y: (input.height - size.height) / 2, width: size.width, height: size.height)
    }
}
