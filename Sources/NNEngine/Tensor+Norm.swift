extension Tensor {
    /// The squared Euclidean (Frobenius) norm `‖x‖² = Σᵢ xᵢ²` over every element, any shape.
    ///
    /// Pairwise summation like `sum`, so the global gradient norm of a large network is not
    /// dominated by rounding error.
    public var squaredNorm: Double { Tensor.pairwiseSum(scalars.map { $0 * $0 }[...]) }

    /// The Euclidean (Frobenius) norm `‖x‖ = √(Σᵢ xᵢ²)`, any shape.
    public var norm: Double { squaredNorm.squareRoot() }

    /// `x ← x + s · y` in place, for tensors of the same shape (BLAS's `axpy`).
    ///
    /// Optimizers use it to apply an update without allocating a temporary for `s · y`.
    public mutating func add(_ y: Tensor, scaledBy s: Double) {
        precondition(shape == y.shape, "axpy on shapes \(shape) and \(y.shape)")
        y.scalars.withUnsafeBufferPointer { py in
            scalars.withUnsafeMutableBufferPointer { px in
                for i in 0..<px.count { px[i] += s * py[i] }
            }
        }
    }
}
