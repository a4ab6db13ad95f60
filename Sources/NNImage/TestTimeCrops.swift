import NNEngine

/// The fixed crops a network is evaluated on at test time, whose predictions are averaged:
/// 10-crop (4 corners + centre, and their horizontal flips; Krizhevsky et al. 2012) and the
/// multi-scale scheme (the 10 crops at short sides {224, 256, 384, 480, 640}; He et al. 2016),
/// which marginalizes the training-time randomness over a fixed grid.
public enum TestTimeCrops {
    /// Where a test crop sits.
    public enum Position: String, Codable, CaseIterable, Sendable {
        case topLeft = "top-left", topRight = "top-right", bottomLeft = "bottom-left", bottomRight = "bottom-right", center
    }

    /// One test-time crop: resize (short side), window, optional flip.
    public struct Parameters: TransformParameters {
        /// The short side the image was resized to, or nil for the image as given.
        public var shortSide: Int?
        public var position: Position
        public var region: PixelRect
        public var flipped: Bool
        public func apply(to image: Image) -> Image {
            let scaled = shortSide.map { image.resized(to: image.size.withShortSide($0), filter: .bilinear) } ?? image
            let crop = scaled.cropped(to: region)
            return flipped ? crop.flipped(.horizontal) : crop
        }
        public var caption: String {
            (shortSide.map { "L = \($0), " } ?? "") + position.rawValue + (flipped ? ", flipped" : "")
        }
    }

    /// The ResNet test scales.
    public static let resNetScales = [224, 256, 384, 480, 640]

    /// The 10 crops of `crop × crop` of an image of `size`, resized first to short side
    /// `shortSide` when given: corners and centre, then the same five flipped.
    public static func tenCrop(of size: ImageSize, crop: Int, shortSide: Int? = nil) throws -> [Parameters] {
        let scaled = shortSide.map { size.withShortSide($0) } ?? size
        try Resize.checkPixels(scaled)
        guard crop > 0, crop <= scaled.width, crop <= scaled.height else {
            throw LabError("test crop \(crop)×\(crop) is larger than the \(scaled) image")
        }
        let (right, bottom) = (scaled.width - crop, scaled.height - crop)
        let corners: [(Position, Int, Int)] = [(.topLeft, 0, 0), (.topRight, right, 0), (.bottomLeft, 0, bottom),
                                               (.bottomRight, right, bottom), (.center, right / 2, bottom / 2)]
        return [false, true].flatMap { flipped in
            corners.map { position, x, y in
                Parameters(shortSide: shortSide, position: position, region: PixelRect(x: x, y: y, width: crop, height: crop), flipped: flipped)
            }
        }
    }

    /// The multi-scale scheme: `tenCrop` at each short side of `scales` (50 crops by default).
    public static func multiScale(of size: ImageSize, crop: Int = 224, scales: [Int] = resNetScales) throws -> [Parameters] {
        try scales.flatMap { try tenCrop(of: size, crop: crop, shortSide: $0) }
    }
}
