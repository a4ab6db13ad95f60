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

    /// `count` draws that cover Beta(α, α)'s range, in increasing λ, for a sheet of a few tiles:
    /// `count · pool` draws are sorted and split into `count` blocks of `pool`, and each block
    /// gives the draw at a random rank within it. Draw `i` so lies between the `i`-th and
    /// `(i+1)`-th `count`-quantiles of the pool (stratified sampling by rank, which needs no
    /// quantile function). Eight independent draws from Beta(0.4, 0.4) put 4 of 8 below 0.2
    /// with seed 0, and half the sheet looked like the second image alone.
    public func stratifiedSamples(count: Int, pool: Int = 64, using generator: inout RandomStream) -> [Parameters] {
        precondition(count >= 0 && pool >= 1, "stratified mixup needs count ≥ 0 and pool ≥ 1, got \(count) and \(pool)")
        let sorted = (0..<(count * pool)).map { _ in generator.beta(alpha, alpha) }.sorted()
        return (0..<count).map { block in
            let rank = Swift.min(pool - 1, Int(generator.uniform() * Double(pool)))
            return Parameters(lambda: sorted[block * pool + rank])
        }
    }

    /// How `stratifiedSamples` picks λ, for a sheet's JSON and README.
    public static func stratifiedSamplingNote(alpha: Double, count: Int, pool: Int = 64) -> String {
        "λ stratified by rank: \(count * pool) draws from Beta(\(alpha), \(alpha)) sorted, one at a random rank in each of \(count) blocks of \(pool), shown in increasing λ"
    }
}
