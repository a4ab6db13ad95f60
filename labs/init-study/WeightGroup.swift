import NNEngine

/// Schemes whose layer-l weights are `scale · Bₗ` for one matrix `Bₗ` they share, run together.
///
/// Every zero-mean normal scheme's weights are its std times the N(0, 1) draws of layer l's
/// stream, and every constant scheme's its value times a matrix of ones: such schemes differ only
/// in scale, by design. Any other scheme is a group of its own, with its own matrices and scale 1.
///
/// A group's schemes go through each big product together, stacked as rows ([schemes·batch,
/// width]), so a 128 MB matrix is read once per pass instead of once per scheme; those reads had
/// been most of `lab init-study`'s time. Each row of a product depends only on the same row of
/// the stacked input: dgemm sums every element in one order whatever the number of rows (checked
/// on OpenBLAS's Haswell, SkylakeX, Cooperlake, Zen, Sandybridge, Nehalem and Prescott kernels,
/// on 1 and 2 threads), so no scheme's numbers depend on the company it keeps.
struct WeightGroup {
    enum Base: Equatable {
        /// `Bₗ` = N(0, 1) draws from layer l's stream.
        case standardNormal
        /// `Bₗ` = 1 everywhere, in every layer.
        case ones
        /// `Bₗ` drawn by the one member's initializer from layer l's stream.
        case own
    }

    var base: Base
    /// The members: indices into the schemes asked for, and each one's scale.
    var members: [(index: Int, scale: Double)]

    /// The normal schemes, the constant schemes, then each other scheme alone, for weights of `shape`.
    static func groups(of schemes: [Scheme], shape: [Int]) -> [WeightGroup] {
        var normal = WeightGroup(base: .standardNormal, members: []), constant = WeightGroup(base: .ones, members: [])
        var own: [WeightGroup] = []
        for (i, scheme) in schemes.enumerated() {
            if let s = scheme.initializer.normalScale(for: shape) {
                normal.members.append((i, s))
            } else if let c = scheme.initializer.constantValue {
                constant.members.append((i, c))
            } else {
                own.append(WeightGroup(base: .own, members: [(i, 1)]))
            }
        }
        return [normal, constant].filter { !$0.members.isEmpty } + own
    }

    /// The group in parts of at most `count` members, in order, that share its matrices: a part's
    /// passes are held until its statistics are taken.
    func parts(ofAtMost count: Int) -> [WeightGroup] {
        stride(from: 0, to: members.count, by: count).map {
            WeightGroup(base: base, members: Array(members[$0..<Swift.min($0 + count, members.count)]))
        }
    }

    /// `Bₗ` of every layer with its std, drawn into the storage of `spare` while it lasts (the
    /// previous group's matrices: mapping fresh gigabytes for every group had cost more time in
    /// page faults than the products themselves).
    func bases(schemes: [Scheme], shape: [Int], layerStreams: [RandomStream], spare: inout [Tensor]) -> [(matrix: Tensor, std: Double)] {
        func storage() -> Tensor { spare.popLast() ?? Tensor(zeros: [0]) }
        switch base {
        case .ones:
            var ones = storage(), stream = layerStreams[0]
            Initializer.constant(1).fill(&ones, shape: shape, using: &stream)
            let std = ones.standardDeviation
            return layerStreams.map { _ in (ones, std) }
        case .standardNormal, .own:
            let initializer = base == .own ? schemes[members[0].index].initializer : .normal(std: 1)
            return layerStreams.map { layerStream in
                var matrix = storage(), stream = layerStream
                initializer.fill(&matrix, shape: shape, using: &stream)
                return (matrix, matrix.standardDeviation)
            }
        }
    }

    /// The forward and backward pass of every member through weights `scale · Bₗ`, in member order.
    ///
    /// Forward: `zₗ = s·(hₗ Bₗ)`, `hₗ₊₁ = f(zₗ)`; layer 1's input is `x` for every member, so
    /// one product `x B₀` serves them all. Backward from `dL/dh_depth = upstream`:
    /// `dL/dzₗ = dL/dhₗ₊₁ ⊙ f′(zₗ)`, `dL/dhₗ = s·(dL/dzₗ Bₗᵀ)`, down to layer 1 (the input's own
    /// gradient is not studied).
    func passes(schemes: [Scheme], bases: [(matrix: Tensor, std: Double)], input: Tensor, upstream: Tensor) -> [SchemePass] {
        let batch = input.shape[0], depth = bases.count
        let activationsOf = members.map { schemes[$0.index].activation }
        func block(_ product: Tensor, _ s: Int, shared: Bool = false) -> Tensor {
            let rows = shared ? product : product.rows((s * batch)..<((s + 1) * batch))
            let scale = members[s].scale
            return scale == 1 ? rows : rows * scale
        }
        var activations = [[Tensor]](repeating: [input], count: members.count)
        var derivatives = [[Tensor]](repeating: [], count: members.count)
        for l in 0..<depth {
            let product = l == 0 ? Tensor.matmul(input, bases[0].matrix)
                                 : Tensor.matmul(Tensor(stackingRows: activations.map { $0[l] }), bases[l].matrix)
            for s in members.indices {
                let z = block(product, s, shared: l == 0)
                activations[s].append(activationsOf[s](z))
                derivatives[s].append(activationsOf[s].derivative(z))
            }
        }

        var outputGradients = [Tensor](repeating: upstream, count: members.count)
        var outputGradientStds = [[Double]](repeating: [Double](repeating: 0, count: depth), count: members.count)
        var localGradients = [[Tensor]](repeating: [Tensor](repeating: Tensor(zeros: [0]), count: depth), count: members.count)
        for l in (0..<depth).reversed() {
            for s in members.indices {
                outputGradientStds[s][l] = outputGradients[s].standardDeviation
                localGradients[s][l] = outputGradients[s] * derivatives[s][l]
            }
            guard l > 0 else { break }
            let product = Tensor.matmul(Tensor(stackingRows: localGradients.map { $0[l] }), bases[l].matrix, transposeB: true)
            for s in members.indices { outputGradients[s] = block(product, s) }
        }
        return members.indices.map { s in
            SchemePass(activations: activations[s], derivatives: derivatives[s], localGradients: localGradients[s],
                       outputGradientStds: outputGradientStds[s], weightStds: bases.map { abs(members[s].scale) * $0.std })
        }
    }
}
