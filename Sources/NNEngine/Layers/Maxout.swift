/// A maxout layer: each of M units takes the largest of k affine pieces,
/// `y[n, m] = maxⱼ (x Wⱼ + bⱼ)[n, m]` (Goodfellow et al. 2013, "Maxout Networks").
///
/// Shapes: `x`: [N, D], `y`: [N, M]. The k pieces are stored side by side in one affine map so
/// that the forward pass is a single matmul: `W`: [D, k·M], `b`: [k·M], with piece `j` of unit `m`
/// in column `j·M + m`. Backward routes `∂y[n, m]` to the winning piece only (the max's
/// subgradient), then through the affine map.
public struct Maxout: Equatable, Sendable {
    /// The k pieces side by side: `W`: [D, k·M], `b`: [k·M].
    public var pieces: Affine
    /// k, the number of pieces per unit.
    public let pieceCount: Int

    /// What backward needs: the affine cache and, for each output element, the winning piece.
    public struct Cache: Sendable {
        public let affine: Affine.Cache
        /// `argmaxⱼ` for each of the N·M outputs, row-major.
        public let winners: [Int]
    }

    /// The gradients with respect to `x` [N, D], `W` [D, k·M] and `b` [k·M].
    public struct Gradients: Sendable {
        public let input: Tensor
        public let weight: Tensor
        public let bias: Tensor
    }

    /// A maxout layer from stacked pieces `W`: [D, k·M], `b`: [k·M].
    public init(weight: Tensor, bias: Tensor, pieceCount: Int) {
        precondition(pieceCount > 0 && weight.rank == 2 && weight.shape[1] % pieceCount == 0,
                     "maxout weight \(weight.shape) is not [D, k·M] for k = \(pieceCount)")
        pieces = Affine(weight: weight, bias: bias)
        self.pieceCount = pieceCount
    }

    /// A maxout layer `D → M` with k pieces, weights drawn from `initializer` for shape [D, k·M].
    public init(inputs: Int, outputs: Int, pieceCount: Int, initializer: Initializer,
                using generator: inout RandomStream) {
        self.init(weight: initializer.make(shape: [inputs, pieceCount * outputs], using: &generator),
                  bias: Tensor(zeros: [pieceCount * outputs]), pieceCount: pieceCount)
    }

    /// M, the number of output units.
    public var outputCount: Int { pieces.weight.shape[1] / pieceCount }

    /// `y = maxⱼ (x Wⱼ + bⱼ)`: [N, D] → [N, M].
    public func forward(_ x: Tensor) -> (output: Tensor, cache: Cache) {
        let (z, affineCache) = pieces.forward(x)
        let (n, m) = (x.shape[0], outputCount)
        var y = Tensor(zeros: [n, m])
        var winners = [Int](repeating: 0, count: n * m)
        for row in 0..<n {
            for unit in 0..<m {
                var best = 0
                for j in 1..<pieceCount where z[row, j * m + unit] > z[row, best * m + unit] { best = j }
                winners[row * m + unit] = best
                y[row, unit] = z[row, best * m + unit]
            }
        }
        return (y, Cache(affine: affineCache, winners: winners))
    }

    /// Gradients from the upstream `∂y` [N, M]: `∂z` is `∂y` at the winning piece, 0 elsewhere.
    public func backward(_ upstream: Tensor, cache: Cache) -> Gradients {
        let (n, m) = (upstream.shape[0], outputCount)
        var dz = Tensor(zeros: [n, pieceCount * m])
        for row in 0..<n {
            for unit in 0..<m {
                dz[row, cache.winners[row * m + unit] * m + unit] = upstream[row, unit]
            }
        }
        let g = pieces.backward(dz, cache: cache.affine)
        return Gradients(input: g.input, weight: g.weight, bias: g.bias)
    }
}
