import NNEngine

/// Deterministic resize, to an exact size or to a shorter side keeping the aspect ratio.
public struct Resize: RandomTransform {
    /// What the output size is.
    public enum Target: Codable, Equatable, Sendable {
        case exact(ImageSize)
        case shortSide(Int)

        // Name the values in JSON, `{"exact": {"size": …}}` and `{"shortSide": {"side": 256}}`,
        // where the synthesized key is `"_0"`.
        enum ExactCodingKeys: String, CodingKey { case _0 = "size" }
        enum ShortSideCodingKeys: String, CodingKey { case _0 = "side" }
    }

    public var target: Target
    public var filter: ResamplingFilter

    /// The largest side a resize may produce: a float image of 8192² is 768 MiB.
    public static let maximumSide = 8192

    public init(_ target: Target, filter: ResamplingFilter = .bilinear) throws {
        switch target {
        case .exact(let size):
            guard (1...Self.maximumSide).contains(size.width), (1...Self.maximumSide).contains(size.height) else {
                throw LabError("resize to \(size): each side must be within 1...\(Self.maximumSide)")
            }
            try Self.checkPixels(size)
        case .shortSide(let side):
            guard (1...Self.maximumSide).contains(side) else { throw LabError("resize short side \(side) must be within 1...\(Self.maximumSide)") }
        }
        self.target = target
        self.filter = filter
    }

    /// Refuses outputs over `Image.maximumPixels`, the limit the inputs have too.
    static func checkPixels(_ size: ImageSize) throws {
        guard size.width * size.height <= Image.maximumPixels else {
            throw LabError("resize to \(size) makes \(size.width * size.height) pixels; the limit is \(Image.maximumPixels / (1024 * 1024)) megapixels")
        }
    }

    public struct Parameters: TransformParameters {
        public var size: ImageSize
        public var filter: ResamplingFilter
        public init(size: ImageSize, filter: ResamplingFilter) { self.size = size; self.filter = filter }
        public func apply(to image: Image) -> Image { image.resized(to: size, filter: filter) }
        public var caption: String { "resize to \(size), \(filter.rawValue)" }
    }

    public func sample(for input: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        switch target {
        case .exact(let size): return Parameters(size: size, filter: filter)
        case .shortSide(let side):
            let size = input.withShortSide(side)
            guard size.width <= Self.maximumSide, size.height <= Self.maximumSide else {
                throw LabError("resize short side to \(side) makes the \(input) image \(size); the limit is \(Self.maximumSide) a side")
            }
            try Self.checkPixels(size)
            return Parameters(size: size, filter: filter)
        }
    }
}
