import NNEngine

/// CutMix (Yun et al. 2019): paste a box of `xⱼ` into `xᵢ`; the box covers `1 − λ` of the area,
/// `λ ~ Beta(α, α)`, sides `W√(1 − λ)` × `H√(1 − λ)` centred uniformly and clipped to the image;
/// the labels are weighted by the area actually kept, `λ' = 1 − box area / image area`.
public struct CutMix: Sendable {
    public var alpha: Double

    public init(alpha: Double = 1) throws {
        guard alpha > 0, alpha <= 100 else { throw LabError("cutmix alpha \(alpha) must lie within (0, 100]") }
        self.alpha = alpha
    }

    public struct Parameters: Codable, Equatable, Sendable {
        /// The λ drawn from Beta(α, α).
        public var sampledLambda: Double
        /// The pasted box (from the second image).
        public var region: PixelRect
        /// The first image's label weight after clipping, `1 − box area / image area`.
        public var lambda: Double
        public var labelWeights: [Double] { [lambda, 1 - lambda] }
        public func apply(_ a: Image, _ b: Image) -> Image {
            precondition(a.size == b.size, "cutmix needs images of one size, got \(a.size) and \(b.size)")
            var out = a
            for c in 0..<3 {
                for y in region.y..<(region.y + region.height) {
                    for x in region.x..<(region.x + region.width) { out[c, x, y] = b[c, x, y] }
                }
            }
            return out
        }
        public var caption: String { "box \(region.width)×\(region.height): labels \(short(lambda)) / \(short(1 - lambda))" }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) -> Parameters {
        let lambda = generator.beta(alpha, alpha)
        let cut = (1 - lambda).squareRoot()
        let (w, h) = (Int(Double(size.width) * cut), Int(Double(size.height) * cut))
        let cx = generator.integer(below: size.width), cy = generator.integer(below: size.height)
        let x0 = max(0, cx - w / 2), y0 = max(0, cy - h / 2)
        let x1 = min(size.width, cx + w / 2), y1 = min(size.height, cy + h / 2)
        let region = PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        let kept = 1 - Double(region.width * region.height) / Double(size.width * size.height)
        return Parameters(sampledLambda: lambda, region: region, lambda: kept)
    }
}
