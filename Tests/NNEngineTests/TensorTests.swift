import XCTest
@testable import NNEngine

/// Matmul against naive loops, reductions, numpy-style percentiles and histograms.
final class TensorTests: XCTestCase {
    /// `op(A)·op(B)` by the textbook triple loop.
    static func naiveMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool) -> (product: [[Double]], scale: [[Double]]) {
        let opA = transposeA ? a.transposed : a, opB = transposeB ? b.transposed : b
        let (m, k, n) = (opA.shape[0], opA.shape[1], opB.shape[1])
        var c = Array(repeating: Array(repeating: 0.0, count: n), count: m), s = c
        for i in 0..<m {
            for j in 0..<n {
                for p in 0..<k {
                    c[i][j] += opA[i, p] * opB[p, j]
                    s[i][j] += abs(opA[i, p] * opB[p, j])
                }
            }
        }
        return (c, s)
    }

    func testMatmulAllTransposeCombinationsMatchNaiveLoops() {
        var generator = RandomStream(seed: 4)
        let (m, k, n) = (7, 5, 9)
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = Tensor.randomNormal(shape: transposeA ? [k, m] : [m, k], using: &generator)
                let b = Tensor.randomNormal(shape: transposeB ? [n, k] : [k, n], using: &generator)
                let c = Tensor.matmul(a, b, transposeA: transposeA, transposeB: transposeB)
                XCTAssertEqual(c.shape, [m, n])
                let (expected, scale) = Self.naiveMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
                var worst = 0.0
                for i in 0..<m {
                    for j in 0..<n {
                        // Relative to Σ|aᵢₚbₚⱼ|: the size of the rounding error of any summation order.
                        worst = max(worst, abs(c[i, j] - expected[i][j]) / scale[i][j])
                    }
                }
                print("matmul transposeA \(transposeA) transposeB \(transposeB): largest relative error \(worst)")
                XCTAssertLessThan(worst, 1e-12)
            }
        }
    }

    func testMatmulSmallExactAndEmptyInnerDimension() {
        let a = Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
        let b = Tensor(matrix: [[7, 8], [9, 10], [11, 12]])
        XCTAssertEqual(Tensor.matmul(a, b), Tensor(matrix: [[58, 64], [139, 154]]))
        XCTAssertEqual(Tensor.matmul(Tensor(shape: [2, 0], scalars: []), Tensor(shape: [0, 3], scalars: [])), Tensor(zeros: [2, 3]))
    }

    /// β = 1: the product is added to what `result` holds, as an affine layer adds `x W` to its
    /// bias rows.
    func testMatmulAccumulatingAddsToResult() {
        let a = Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
        let b = Tensor(matrix: [[7, 8], [9, 10], [11, 12]])
        var c = Tensor(rowsRepeating: Tensor([0.5, -1]), count: 2)
        XCTAssertEqual(c, Tensor(matrix: [[0.5, -1], [0.5, -1]]))
        Tensor.matmul(a, b, into: &c, accumulating: true)
        XCTAssertEqual(c, Tensor(matrix: [[58.5, 63], [139.5, 153]]))
        var d = Tensor(rowsRepeating: Tensor([2.0, 3.0]), count: 2)
        Tensor.matmul(Tensor(shape: [2, 0], scalars: []), Tensor(shape: [0, 2], scalars: []), into: &d, accumulating: true)
        XCTAssertEqual(d, Tensor(matrix: [[2, 3], [2, 3]]), "an empty product adds nothing")
        XCTAssertEqual(Tensor(rowsRepeating: Tensor([1.0]), count: 0).shape, [0, 1])
        XCTAssertEqual(Tensor.matmul(a, b, scale: 0.5), Tensor(matrix: [[29, 32], [69.5, 77]]), "α scales the product")
    }

    func testTransposeAndRow() {
        let a = Tensor(matrix: [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(a.transposed, Tensor(matrix: [[1, 4], [2, 5], [3, 6]]))
        XCTAssertEqual(a.row(1), Tensor([4, 5, 6]))
    }

    func testMeanStdMinMax() {
        let t = Tensor([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(t.sum, 40)
        XCTAssertEqual(t.mean, 5)
        XCTAssertEqual(t.variance, 4)
        XCTAssertEqual(t.standardDeviation, 2)
        XCTAssertEqual(t.min, 2)
        XCTAssertEqual(t.max, 9)
        XCTAssertEqual(t.fraction { $0 == 4 }, 3.0 / 8)
        XCTAssertTrue(Tensor([1, .nan, 3]).min.isNaN)
        XCTAssertTrue(Tensor([1, .nan, 3]).max.isNaN)
        XCTAssertTrue(Tensor([]).mean.isNaN)
        XCTAssertTrue(Tensor([]).min.isNaN)
    }

    func testVarianceIsTwoPassAccurateWithLargeOffset() {
        // One-pass E[x²] − μ² would give garbage here: x² ≈ 1e18 has ulp 128.
        let t = Tensor([1e9 + 1, 1e9 + 2, 1e9 + 3])
        assertClose(t.variance, 2.0 / 3, tolerance: 1e-9, "variance with offset 1e9")
    }

    func testPairwiseSumOfManyTenths() {
        let n = 1_000_000
        let t = Tensor(repeating: 0.1, shape: [n])
        // Naive left-to-right summation drifts by ~1e-6 relative here; pairwise stays near ε·log n.
        assertClose(t.sum, 100_000, tolerance: 1e-13, "Σ 0.1 × 1e6")
        assertClose(Tensor.blockedSum(n) { _ in 0.1 }, 100_000, tolerance: 1e-13, "blocked Σ 0.1 × 1e6")
    }

    func testPercentilesMatchNumpyLinear() {
        // Expected values from numpy.percentile (default method "linear").
        XCTAssertEqual(Tensor([1, 2, 3, 4]).percentiles([0, 25, 50, 90, 100]), [1, 1.75, 2.5, 3.7, 4])
        XCTAssertEqual(Tensor([7, 1, 3]).percentiles([10, 50, 75]), [1.4, 3, 5])
        let p = Tensor([2.5, -1, 8, 0.5, 3]).percentiles([33, 66.6])
        assertClose(p[0], 1.14, "p33")
        assertClose(p[1], 2.832, "p66.6")
        XCTAssertEqual(Tensor([.nan, 1, 2]).percentile(50), 1.5, "NaN ignored, as numpy.nanpercentile")
        XCTAssertEqual(Tensor([5]).percentiles([0, 37, 100]), [5, 5, 5])
        XCTAssertTrue(Tensor([]).percentile(50).isNaN)
    }

    func testHistogramCountsEdgesAndOutOfRange() {
        let values: [Double] = [0, 0.5, 0.7, 1, 1.5, 1.9, 2, -0.1, 2.1, 5, .nan, .infinity, -.infinity]
        let h = Histogram(values, bins: 4, lower: 0, upper: 2)
        XCTAssertEqual(h.edges, [0, 0.5, 1, 1.5, 2])
        XCTAssertEqual(h.counts, [1, 2, 1, 3], "2 == upper belongs to the last bin")
        XCTAssertEqual(h.below, 1)
        XCTAssertEqual(h.above, 2)
        XCTAssertEqual(h.nonFinite, 3)
        XCTAssertEqual(h.total, values.count)
        XCTAssertEqual(h.centers, [0.25, 0.75, 1.25, 1.75])
        XCTAssertEqual(h.fractions, [1, 2, 1, 3].map { Double($0) / Double(values.count) })
        XCTAssertEqual(Tensor([0.1, 0.2]).histogram(bins: 2, lower: 0, upper: 1).counts, [2, 0])
    }

    func testHistogramBinsAgreeWithTheirEdges() {
        // Every counted value must lie in [edges[k], edges[k+1]) of the bin it was put in, even
        // where (x − lower)/width rounds across an integer. (Values at or past the last edge
        // belong to the last bin; see testHistogramLastEdgeIsExactlyUpper.)
        let lower = -0.3, upper = 0.9, bins = 12
        let values = (0...1200).map { lower + Double($0) * (upper - lower) / 1200 }
        let h = Histogram(values, bins: bins, lower: lower, upper: upper)
        var expected = [Int](repeating: 0, count: bins)
        for x in values {
            let k = (0..<bins).first { h.edges[$0] <= x && x < h.edges[$0 + 1] } ?? bins - 1
            expected[k] += 1
        }
        XCTAssertEqual(h.counts, expected)
        XCTAssertEqual(h.total, values.count)
    }

    func testHistogramLastEdgeIsExactlyUpper() throws {
        // The edges span [lower, upper]; computing the last one as lower + bins·width rounds.
        let h = Histogram([0.9], bins: 12, lower: -0.3, upper: 0.9)
        XCTAssertEqual(h.edges.first, -0.3)
        XCTAssertEqual(h.counts.last, 1, "x == upper is counted in the last bin")
        XCTAssertEqual(h.edges.last, 0.9)
    }
}

extension TensorTests {
    func testStackingRowsAndTakingThemBack() {
        let a = Tensor(matrix: [[1, 2, 3]]), b = Tensor(matrix: [[4, 5, 6], [7, 8, 9]])
        let stacked = Tensor(stackingRows: [a, b])
        XCTAssertEqual(stacked, Tensor(matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
        XCTAssertEqual(stacked.rows(0..<1), a)
        XCTAssertEqual(stacked.rows(1..<3), b)
        XCTAssertEqual(stacked.rows(2..<2).shape, [0, 3])
    }
}

extension TensorTests {
    /// Big sums and variances run on every core and give the serial result bit for bit.
    func testParallelSumAndVarianceEqualTheSerialOnes() {
        var stream = RandomStream(seed: 5)
        for n in [Tensor.parallelSumThreshold, Tensor.parallelSumThreshold + 12_345] {
            let t = Tensor.randomNormal(shape: [n], using: &stream) + 0.25
            XCTAssertEqual(t.sum.bitPattern, Tensor.pairwiseSum(t.scalars[...]).bitPattern, "sum of \(n)")
            let mu = Tensor.pairwiseSum(t.scalars[...]) / Double(n)
            let serial = Tensor.blockedSum(n) { (t.scalars[$0] - mu) * (t.scalars[$0] - mu) } / Double(n)
            XCTAssertEqual(t.variance.bitPattern, serial.bitPattern, "variance of \(n)")
        }
    }
}
