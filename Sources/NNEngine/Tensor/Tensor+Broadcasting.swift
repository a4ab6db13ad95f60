extension Tensor {
    /// Column sums of a matrix, `sᵢ = Σₙ x[n, i]`: the reduction every bias gradient needs.
    ///
    /// Shapes: `x`: [N, M] → [M].
    public var columnSums: Tensor {
        precondition(rank == 2, "column sums of a tensor of shape \(shape), expected [N, M]")
        let (n, m) = (shape[0], shape[1])
        var out = [Double](repeating: 0, count: m)
        // Row by row, so the inner loop runs along contiguous memory and vectorizes.
        scalars.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { sums in
                for row in 0..<n {
                    for column in 0..<m { sums[column] += x[row * m + column] }
                }
            }
        }
        return Tensor(out)
    }

    /// The matrix whose `count` rows are each `v`: `y[n, i] = v[i]`.
    ///
    /// Shapes: `v`: [M] → [count, M].
    public init(rowsRepeating v: Tensor, count: Int) {
        precondition(v.rank == 1 && count >= 0, "rows repeating a tensor of shape \(v.shape), count \(count)")
        let m = v.count
        let scalars = [Double](unsafeUninitializedCapacity: count * m) { buffer, initialized in
            v.scalars.withUnsafeBufferPointer { row in
                for n in 0..<count {
                    (buffer.baseAddress! + n * m).initialize(from: row.baseAddress!, count: m)
                }
            }
            initialized = count * m
        }
        self.init(shape: [count, m], scalars: scalars)
    }

    /// `y[n, i] = x[n, i] + v[i]`: adds a vector to every row, as a bias is added to a batch.
    ///
    /// Shapes: `x`: [N, M], `v`: [M] → [N, M].
    public func addingToEachRow(_ v: Tensor) -> Tensor {
        broadcastOverRows(v, +)
    }

    /// `y[n, i] = x[n, i] · v[i]`: scales every column by its own factor (batch norm's `γ`).
    ///
    /// Shapes: `x`: [N, M], `v`: [M] → [N, M].
    public func multiplyingEachRow(by v: Tensor) -> Tensor {
        broadcastOverRows(v, *)
    }

    /// `y[n, i] = f(x[n, i], v[i])` for a matrix `x` [N, M] and a vector `v` [M].
    public func broadcastOverRows(_ v: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
        precondition(rank == 2 && v.shape == [shape[1]],
                     "row broadcast needs [N, M] and [M], got \(shape) and \(v.shape)")
        let m = shape[1]
        var out = scalars
        out.withUnsafeMutableBufferPointer { y in
            v.scalars.withUnsafeBufferPointer { b in
                for i in 0..<y.count { y[i] = f(y[i], b[i % m]) }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// The Euclidean norm of each column, `‖x[:, i]‖₂`: for a weight `W: [D, M]` these are the
    /// norms of the M units' incoming weight vectors (what max-norm constrains).
    ///
    /// Shapes: [D, M] → [M].
    public var columnNorms: Tensor {
        map { $0 * $0 }.columnSums.map { $0.squareRoot() }
    }
}
