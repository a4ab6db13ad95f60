import CKernels

/// The histogram and row ranges of a product `C = Aᵀ·B` of two thin matrices, computed tile by
/// tile in cache without ever holding `C`.
///
/// A layer's weight gradient `dW = hᵀ·dz` is such a product: [width, width] from two
/// [batch, width] factors. At width 4096 it is 128 MB, and writing it out, then reading it back
/// for a histogram and again for its row ranges, had cost more than computing it.
///
/// `C[i][j] = Σₜ A[t][i]·B[t][j]`, summed from 0 in the order of t, multiply then add: the same
/// bits on every instruction set and for any split into row ranges. BLAS's `dgemm` may differ in
/// the last bits (it fuses multiply-adds).
///
/// - Shapes: `a` [k, n], `b` [k, m]; `C` [n, m].
public struct ProductSummary: Sendable {
    /// Every element of `C` binned by `Histogram`'s rule.
    public let histogram: Histogram
    /// `maxⱼ Cᵢⱼ − minⱼ Cᵢⱼ` for each row i: NaN for a row holding a NaN (or empty, m = 0), +0 for a
    /// row of equal values.
    public let rowRanges: [Double]

    /// Summarizes `Aᵀ·B`, binning it into `bins` bins over [lower, upper]. One thread; split big
    /// products by rows (`rows:`) to use more, and merge the parts' histograms.
    /// - Precondition: `bins > 0` and `lower < upper`, both finite; `a` and `b` have as many rows.
    public init(_ a: Tensor, _ b: Tensor, rows: Range<Int>? = nil, bins: Int, lower: Double, upper: Double) {
        let (k, n, m) = Self.dimensions(a, b)
        let rows = rows ?? 0..<n
        precondition(rows.lowerBound >= 0 && rows.upperBound <= n, "rows \(rows) of a product with \(n) rows")
        precondition(bins > 0, "a histogram needs at least one bin")
        precondition(lower.isFinite && upper.isFinite && lower < upper,
                     "histogram range [\(lower), \(upper)] must be finite and non-empty")
        var counts = [UInt64](repeating: 0, count: bins + 3)
        var ranges = [Double](repeating: 0, count: rows.count)
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                nnlab_transposed_product_summary(pa.baseAddress, pb.baseAddress, k, n, m, rows.lowerBound, rows.upperBound,
                                                 lower, upper, bins, &counts, &ranges)
            }
        }
        histogram = Histogram(bins: bins, lower: lower, upper: upper, counts: counts.prefix(bins).map { Int($0) },
                              below: Int(counts[bins]), above: Int(counts[bins + 1]), nonFinite: Int(counts[bins + 2]))
        rowRanges = ranges
    }

    /// Rows `rows` of `C = Aᵀ·B`, [rows.count, m]: the very numbers the summary bins.
    public static func rows(_ rows: Range<Int>, of a: Tensor, _ b: Tensor) -> Tensor {
        let (k, n, m) = dimensions(a, b)
        precondition(rows.lowerBound >= 0 && rows.upperBound <= n, "rows \(rows) of a product with \(n) rows")
        var out = [Double](repeating: 0, count: rows.count * m)
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                nnlab_transposed_product_rows(pa.baseAddress, pb.baseAddress, k, n, m, rows.lowerBound, rows.upperBound, &out)
            }
        }
        return Tensor(shape: [rows.count, m], scalars: out)
    }

    /// `(k, n, m)` for `a` [k, n] and `b` [k, m].
    static func dimensions(_ a: Tensor, _ b: Tensor) -> (Int, Int, Int) {
        precondition(a.rank == 2 && b.rank == 2 && a.shape[0] == b.shape[0],
                     "Aᵀ·B needs two matrices with as many rows, got \(a.shape) and \(b.shape)")
        return (a.shape[0], a.shape[1], b.shape[1])
    }
}
