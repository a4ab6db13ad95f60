extension Tensor {
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
