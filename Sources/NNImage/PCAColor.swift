import NNEngine

/// AlexNet's PCA colour augmentation ("fancy PCA", Krizhevsky et al. 2012, §4.1): adds to every
/// pixel the offset `δ = Σᵢ αᵢ σᵢ pᵢ`, with `pᵢ` the eigenvectors of the 3×3 covariance of the
/// image's RGB values, `σᵢ = √λᵢ` and `αᵢ ~ N(0, std²)`.
///
/// The paper writes `αᵢ λᵢ` with pixels in 0–255; in [0, 1] units that would be 255 times too
/// large, so this uses the standard deviation along each component, `√λᵢ`, as fb.resnet.torch's
/// ImageNet constants (eigval 0.2175, 0.0188, 0.0045) do. The offset is the same for every
/// pixel: it shifts the colour along the directions in which this image's colours vary. Unlike
/// the other transforms its parameters depend on the pixels, not only the size, so it samples
/// from the image itself.
public struct PCAColor: Sendable {
    public var standardDeviation: Double

    public init(standardDeviation: Double = 0.1) throws {
        guard standardDeviation >= 0, standardDeviation.isFinite else {
            throw LabError("PCA colour std \(standardDeviation) must be a finite number ≥ 0")
        }
        self.standardDeviation = standardDeviation
    }

    public struct Parameters: TransformParameters {
        /// The αᵢ drawn.
        public var alphas: [Double]
        /// The covariance's eigenvalues λᵢ, decreasing.
        public var eigenvalues: [Double]
        /// The unit eigenvectors pᵢ (RGB).
        public var eigenvectors: [[Double]]
        /// `δ = Σᵢ αᵢ √λᵢ pᵢ`, added to every pixel's RGB.
        public var offset: [Double]
        public func apply(to image: Image) -> Image {
            image.applyingColorMatrix([1, 0, 0, 0, 1, 0, 0, 0, 1], offset: offset.map(Float.init))
        }
        public var caption: String { "α = (\(alphas.map { short($0) }.joined(separator: ", ")))" }
    }

    /// Draws `α` and computes the eigenvectors of `image`'s colour covariance.
    public func sample(for image: Image, using generator: inout RandomStream) -> Parameters {
        let eigen = SymmetricEigen3(Self.covariance(of: image))
        let alphas = (0..<3).map { _ in standardDeviation * generator.normal() }
        var offset = [0.0, 0.0, 0.0]
        for i in 0..<3 {
            let amount = alphas[i] * max(0, eigen.values[i]).squareRoot()
            for c in 0..<3 { offset[c] += amount * eigen.vectors[i][c] }
        }
        return Parameters(alphas: alphas, eigenvalues: eigen.values, eigenvectors: eigen.vectors, offset: offset)
    }

    /// Draws parameters for `image` and applies them.
    public func callAsFunction(_ image: Image, using generator: inout RandomStream) -> (image: Image, parameters: Parameters) {
        let parameters = sample(for: image, using: &generator)
        return (parameters.apply(to: image), parameters)
    }

    /// The 3×3 covariance of the RGB values over all pixels, `C = (1/N) Σ (x − μ)(x − μ)ᵀ`,
    /// accumulated in Double.
    public static func covariance(of image: Image) -> [Double] {
        let n = image.planeCount
        var mean = [0.0, 0.0, 0.0]
        var c = [Double](repeating: 0, count: 9)
        image.pixels.withUnsafeBufferPointer { p in
            for ch in 0..<3 { for i in 0..<n { mean[ch] += Double(p[ch * n + i]) } }
            for ch in 0..<3 { mean[ch] /= Double(n) }
            for i in 0..<n {
                let d = (Double(p[i]) - mean[0], Double(p[n + i]) - mean[1], Double(p[2 * n + i]) - mean[2])
                c[0] += d.0 * d.0; c[1] += d.0 * d.1; c[2] += d.0 * d.2
                c[4] += d.1 * d.1; c[5] += d.1 * d.2; c[8] += d.2 * d.2
            }
        }
        (c[3], c[6], c[7]) = (c[1], c[2], c[5])
        return c.map { $0 / Double(n) }
    }
}
