/// A fully connected layer: `y = x W + b` (the perceptron layer of Rosenblatt 1958, in CS231n's
/// batch-first layout).
///
/// Shapes: `x`: [N, D], `W`: [D, M], `b`: [M], `y`: [N, M]. Backward (CS231n `affine_backward`):
/// `∂x = ∂y Wᵀ`, `∂W = xᵀ ∂y`, `∂b = Σₙ ∂y[n, :]`.
public struct Affine: Equatable, Sendable {
    /// `W`: [D, M]; column `m` holds unit `m`'s incoming weights.
    public var weight: Tensor
    /// `b`: [M].
    public var bias: Tensor

    /// What backward needs from forward: the input `x` [N, D].
    public struct Cache: Sendable {
        public let input: Tensor
    }

    /// The gradients of the loss with respect to `x` [N, D], `W` [D, M] and `b` [M].
    public struct Gradients: Sendable {
        public let input: Tensor
        public let weight: Tensor
        public let bias: Tensor
    }

    /// A layer with the given weight [D, M] and bias [M].
    public init(weight: Tensor, bias: Tensor) {
        precondition(weight.rank == 2 && bias.shape == [weight.shape[1]],
                     "affine needs W: [D, M] and b: [M], got \(weight.shape) and \(bias.shape)")
        self.weight = weight
        self.bias = bias
    }

    /// A layer `D → M` with weights from `initializer` and the bias filled with `bias` (0 by default;
    /// the cook book suggests ≈ 0.1 before a ReLU so that units start active).
    public init(inputs: Int, outputs: Int, initializer: Initializer, bias: Double = 0,
                using generator: inout RandomStream) {
        self.init(weight: initializer.make(shape: [inputs, outputs], using: &generator),
                  bias: Tensor(repeating: bias, shape: [outputs]))
    }

    /// `y = x W + b`: [N, D] → [N, M].
    public func forward(_ x: Tensor) -> (output: Tensor, cache: Cache) {
        precondition(x.rank == 2 && x.shape[1] == weight.shape[0],
                     "affine input \(x.shape) does not match weight \(weight.shape)")
        // The bias rows first, then dgemm adds x W on top (β = 1): one pass over y, not two.
        var y = Tensor(rowsRepeating: bias, count: x.shape[0])
        Tensor.matmul(x, weight, into: &y, accumulating: true)
        return (y, Cache(input: x))
    }

    /// `∂x = ∂y Wᵀ`, `∂W = xᵀ ∂y`, `∂b = Σₙ ∂y`, from the upstream gradient `∂y` [N, M].
    ///
    /// Without `inputGradient`, `∂x` is left empty (shape [0]): a network's first layer needs
    /// only its parameter gradients, and `∂y Wᵀ` costs as much as `xᵀ ∂y`.
    public func backward(_ upstream: Tensor, cache: Cache, inputGradient: Bool = true) -> Gradients {
        Gradients(input: inputGradient ? Tensor.matmul(upstream, weight, transposeB: true) : Tensor(zeros: [0]),
                  weight: Tensor.matmul(cache.input, upstream, transposeA: true),
                  bias: upstream.columnSums)
    }
}
