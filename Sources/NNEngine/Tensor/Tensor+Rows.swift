extension Tensor {
    /// The matrices `parts` one under the other: [Σ Mᵢ, N] from parts [Mᵢ, N].
    /// - Precondition: every part is a matrix with the same number of columns.
    public init(stackingRows parts: [Tensor]) {
        let columns = parts.first?.shape[1] ?? 0
        precondition(parts.allSatisfy { $0.rank == 2 && $0.shape[1] == columns }, "stacking rows of \(parts.map(\.shape))")
        var scalars: [Double] = []
        scalars.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { scalars += part.scalars }
        self.init(shape: [parts.reduce(0) { $0 + $1.shape[0] }, columns], scalars: scalars)
    }

    /// Rows `range` of a matrix, [range.count, N]: the inverse of `init(stackingRows:)`.
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(rank == 2 && range.lowerBound >= 0 && range.upperBound <= shape[0], "rows \(range) of a tensor of shape \(shape)")
        let width = shape[1]
        return Tensor(shape: [range.count, width], scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
    }
}
