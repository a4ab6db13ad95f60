import NNEngine

/// Elastic deformation (Simard, Steinkraus & Platt 2003): a displacement field of independent
/// `U(−1, 1)` values per pixel, smoothed by a Gaussian of `σ` pixels and scaled by `α` pixels;
/// output pixel `p` reads the input at `p + α · (G_σ ∗ U)(p)`. Small `σ` gives random jitter,
/// large `σ` smooth rubber-sheet warps.
public struct ElasticDeformation: RandomTransform {
    public var alpha: ClosedRange<Double>
    public var sigma: Double
    public var fill: FillMode

    public init(alpha: ClosedRange<Double> = 20...60, sigma: Double = 8, fill: FillMode = .reflect) throws {
        guard alpha.lowerBound >= 0, alpha.upperBound <= 1000 else { throw LabError("elastic alpha range \(alpha) must lie within [0, 1000] pixels") }
        guard sigma > 0, sigma <= 100 else { throw LabError("elastic sigma \(sigma) must lie within (0, 100] pixels") }
        self.alpha = alpha
        self.sigma = sigma
        self.fill = fill
    }

    public struct Parameters: TransformParameters {
        public var alpha: Double
        public var sigma: Double
        /// Seeds the generator that draws the displacement field.
        public var fieldSeed: UInt64
        public var fill: FillMode

        public func apply(to image: Image) -> Image {
            let (w, h) = (image.width, image.height)
            var generator = RandomStream(seed: fieldSeed)
            // Two planes (dx, dy) of U(−1, 1), smoothed with the blur's separable convolution.
            var field = (0..<(2 * w * h)).map { _ in Float(generator.uniform(-1, 1)) }
            let kernel = Image.gaussianKernel(sigma: sigma)
            Image.convolvePlanes(&field, width: w, height: h, kernel: kernel, horizontal: true)
            Image.convolvePlanes(&field, width: w, height: h, kernel: kernel, horizontal: false)
            let a = alpha
            return image.warped(to: image.size, fill: fill) { x, y in
                let i = min(h - 1, Int(y)) * w + min(w - 1, Int(x))
                return (x + a * Double(field[i]), y + a * Double(field[w * h + i]))
            }
        }
        public var caption: String { "α = \(short(alpha, 1)) px, σ = \(short(sigma, 1)) px" }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        Parameters(alpha: generator.uniform(in: alpha), sigma: sigma, fieldSeed: generator.next(), fill: fill)
    }
}
