/// A dense, row-major tensor of `Double`s with a shape.
///
/// Why `Double`: the labs compare statistics against theory and check gradients with centered
/// differences, whose relative errors (the lectures' 1e-7 band) are only meaningful in float64.
///
/// Element `[i₀, i₁, …, iₖ]` lives at `Σ iⱼ · strideⱼ`, with the last axis contiguous.
/// Shapes: a scalar is `[]`, a vector `[N]`, a batch of activations `[N, D]`, a weight `[Din, Dout]`.
public struct Tensor: Equatable, Sendable {
    /// The size of each axis.
    public internal(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Double]

    /// A tensor with the given shape and elements, in row-major order.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        precondition(shape.reduce(1, *) == scalars.count,
                     "shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with `value`.
    public init(repeating value: Double, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(repeating: 0, shape: shape)
    }

    /// A vector `[N]` from an array.
    public init(_ vector: [Double]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    /// A matrix `[rows, columns]` from nested arrays of equal length.
    public init(matrix rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "ragged matrix rows")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// The number of elements.
    public var count: Int { scalars.count }
    /// The number of axes.
    public var rank: Int { shape.count }

    /// The element at `[row, column]` of a rank-2 tensor.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(rank == 2, "2-D subscript on a tensor of shape \(shape)")
            return scalars[row * shape[1] + column]
        }
        set {
            precondition(rank == 2, "2-D subscript on a tensor of shape \(shape)")
            scalars[row * shape[1] + column] = newValue
        }
    }

    /// The same elements viewed with another shape of equal size.
    public func reshaped(to newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// Row `i` of a rank-2 tensor, as a vector `[columns]`.
    public func row(_ i: Int) -> Tensor {
        precondition(rank == 2, "row of a tensor of shape \(shape)")
        let width = shape[1]
        return Tensor(Array(scalars[(i * width)..<((i + 1) * width)]))
    }

    /// The transpose `Aᵀ` of a rank-2 tensor: `[M, N]` → `[N, M]`.
    public var transposed: Tensor {
        precondition(rank == 2, "transpose of a tensor of shape \(shape)")
        let (m, n) = (shape[0], shape[1])
        var out = [Double](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { t in
                for i in 0..<m {
                    for j in 0..<n { t[j * m + i] = a[i * n + j] }
                }
            }
        }
        return Tensor(shape: [n, m], scalars: out)
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let preview = scalars.prefix(6).map { String($0) }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(preview)\(count > 6 ? ", …" : "")])"
    }
}
