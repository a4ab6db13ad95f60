import NNEngine

/// Mixup (Zhang et al. 2018): `x̃ = λ xᵢ + (1 − λ) xⱼ`, `ỹ = λ yᵢ + (1 − λ) yⱼ`, `λ ~ Beta(α, α)`.
/// Both images must have the same size.
public struct Mixup: Sendable {
    public var alpha: Double

    public init(alpha: Double = 0.4) throws {
        guard alpha > 0, alpha <= 100 else { throw LabError("mixup alpha \(alpha) must lie within (0, 100]") }
        self.alpha = alpha
    }

    public struct Parameters: Codable, Equatable, Sendable {
        public var lambda: Double
        public init(lambda: Double) { self.lambda = lambda }
        /// The weights of the two labels, `(λ, 1 − λ)`.
        public var labelWeights: [Double] { [lambda, 1 - lambda] }
        /// `λ a + (1 − λ) b`.
        public func apply(_ a: Image, _ b: Image) -> Image {
            precondition(a.size == b.size, "mixup needs images of one size, got \(a.size) and \(b.size)")
            var out = a
            let l = Float(lambda)
            for i in out.pixels.indices { out.pixels[i] = l * a.pixels[i] + (1 - l) * b.pixels[i] }
            return out
        }
        public var caption: String { "λ = \(short(lambda)): labels \(short(lambda)) / \(short(1 - lambda))" }
    }

    public func sample(using generator: inout RandomStream) -> Parameters {
        Parameters(lambda: generator.beta(alpha, alpha))
    }
}
