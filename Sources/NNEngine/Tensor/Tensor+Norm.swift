extension Tensor {
    /// The squared Euclidean (Frobenius) norm `‖x‖² = Σᵢ xᵢ²` over every element, any shape.
    ///
    /// Pairwise summation like `sum`, so the global gradient norm of a large network is not
    /// dominated by rounding error.
    public var squaredNorm: Double { Tensor.pairwiseSum(scalars.map { $0 * $0 }[...]) }

    /// The Euclidean (Frobenius) norm `‖x‖ = √(Σᵢ xᵢ²)`, any shape.
    public var norm: Double { squaredNorm.squareRoot() }
}
