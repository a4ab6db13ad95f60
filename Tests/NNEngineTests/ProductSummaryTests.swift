import CKernels
import XCTest
@testable import NNEngine

/// `ProductSummary` against the plain definitions: its histogram is `Histogram` of the product's
/// rows and its ranges their `max − min`, at every instruction-set level, every tail of rows and
/// columns and for any split into row ranges; its rows agree with BLAS to the rounding bound.
final class ProductSummaryTests: XCTestCase {
    /// (k, n, m): the init study's shape scaled down, rows and columns off the kernel's blocks of
    /// 4 and 8, more columns than one tile (256 at k = 16, 96 at k = 40), k = 1, the empty sum
    /// and rows without columns.
    static let shapes = [(16, 37, 523), (1, 5, 9), (40, 9, 1030), (0, 3, 17), (3, 1, 1), (16, 64, 256), (2, 3, 0)]

    static func factors(_ k: Int, _ n: Int, _ m: Int, seed: UInt64) -> (Tensor, Tensor) {
        var stream = RandomStream(seed: seed)
        return (Tensor.randomNormal(shape: [k, n], using: &stream), Tensor.randomNormal(shape: [k, m], using: &stream))
    }

    /// `max − min` of each row by one scan; NaN if the row holds one or is empty, +0 for equal values.
    static func ranges(of c: Tensor) -> [Double] {
        (0..<c.shape[0]).map { i in
            let row = c.row(i).scalars
            if row.isEmpty || row.contains(where: \.isNaN) { return .nan }
            let range = row.max()! - row.min()!
            return range == 0 ? 0 : range
        }
    }

    static func assertSame(_ a: [Double], _ b: [Double], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), message, file: file, line: line)
    }

    func testSummaryIsTheHistogramAndRangesOfItsRowsAtEveryLevel() {
        defer { _ = nnlab_product_kernels_use(-1) }
        for (k, n, m) in Self.shapes {
            let (a, b) = Self.factors(k, n, m, seed: UInt64(k * 1000 + n))
            // A range that cuts the values: some fall below, some above, the rest in 7 bins.
            let bound = Swift.max(0.5, Double(k).squareRoot() * 0.8)
            var reference: (rows: Tensor, summary: ProductSummary)?
            for level in 0...2 {
                let used = Int(nnlab_product_kernels_use(Int32(level)))
                let rows = ProductSummary.rows(0..<n, of: a, b)
                let summary = ProductSummary(a, b, bins: 7, lower: -bound, upper: bound * 0.75)
                XCTAssertEqual(summary.histogram, Histogram(rows.scalars, bins: 7, lower: -bound, upper: bound * 0.75), "k \(k) n \(n) m \(m) level \(used)")
                Self.assertSame(summary.rowRanges, Self.ranges(of: rows), "k \(k) n \(n) m \(m) level \(used)")
                if let reference {
                    Self.assertSame(rows.scalars, reference.rows.scalars, "rows at level \(used), k \(k) n \(n) m \(m)")
                    XCTAssertEqual(summary.histogram, reference.summary.histogram)
                } else {
                    reference = (rows, summary)
                }
            }
        }
    }

    /// Each element against dgemm's: both are sums of k products, so each is within
    /// γₖ·Σₜ|A[t][i]·B[t][j]| of the exact value (γₖ = kε/(1 − kε), Higham's bound for a dot
    /// product in any order, with or without FMA), and they are within twice that of each other.
    func testRowsAgreeWithBLASToTheRoundingBound() {
        let (k, n, m) = (16, 37, 523)
        let (a, b) = Self.factors(k, n, m, seed: 7)
        let rows = ProductSummary.rows(0..<n, of: a, b)
        let blas = Tensor.matmul(a, b, transposeA: true)
        let magnitudes = Tensor.matmul(a.map(abs), b.map(abs), transposeA: true)
        let epsilon = Double.ulpOfOne / 2, gamma = Double(k) * epsilon / (1 - Double(k) * epsilon)
        var worst = 0.0
        for e in 0..<rows.count {
            let allowed = 2 * gamma * magnitudes.scalars[e]
            worst = Swift.max(worst, abs(rows.scalars[e] - blas.scalars[e]) / allowed)
        }
        print("largest difference from dgemm: \(worst) of the rounding bound")
        XCTAssertLessThanOrEqual(worst, 1)
    }

    /// NaN and ±∞ in the factors: a row holding a NaN has a NaN range, every NaN and ±∞ is
    /// counted as non-finite, as `Histogram` counts them.
    func testNonFiniteValuesAreCountedAndPoisonTheirRowsRange() {
        var (a, b) = Self.factors(4, 6, 21, seed: 3)
        a[0, 1] = .nan           // row 1: NaN everywhere
        a[2, 3] = .infinity      // row 3: ±∞ where B[2][j] ≠ 0, NaN where it is 0
        b[2, 5] = 0
        b[1, 7] = -.infinity     // column 7: ±∞ in every row (NaN in rows 1 and 3)
        let rows = ProductSummary.rows(0..<6, of: a, b)
        let summary = ProductSummary(a, b, bins: 5, lower: -1, upper: 1)
        XCTAssertEqual(summary.histogram, Histogram(rows.scalars, bins: 5, lower: -1, upper: 1))
        XCTAssertEqual(summary.histogram.nonFinite, rows.scalars.filter { !$0.isFinite }.count)
        XCTAssertGreaterThanOrEqual(summary.histogram.nonFinite, 21 + 21 + 4)
        Self.assertSame(summary.rowRanges, Self.ranges(of: rows), "ranges")
        XCTAssertTrue(summary.rowRanges[1].isNaN)
        XCTAssertTrue(summary.rowRanges[3].isNaN)
        XCTAssertEqual(summary.rowRanges[0], .infinity, "row 0 holds one ±∞ (column 7) among finite values")
    }

    /// Row ranges split among workers give the same histogram, merged, and the same ranges.
    func testRowSplitsMergeToTheWhole() {
        let (a, b) = Self.factors(16, 37, 300, seed: 11)
        let whole = ProductSummary(a, b, bins: 9, lower: -3, upper: 3)
        let parts = [0..<10, 10..<11, 11..<37].map { ProductSummary(a, b, rows: $0, bins: 9, lower: -3, upper: 3) }
        XCTAssertEqual(Histogram(merging: parts.map(\.histogram)), whole.histogram)
        Self.assertSame(parts.flatMap(\.rowRanges), whole.rowRanges, "ranges")
    }

    /// Equal rows (a constant factor) have range +0, never −0 or NaN.
    func testEqualValuesHaveRangeZero() {
        let a = Tensor(repeating: -0.5, shape: [3, 4]), b = Tensor(repeating: 2, shape: [3, 19])
        let summary = ProductSummary(a, b, bins: 4, lower: -4, upper: 4)
        Self.assertSame(summary.rowRanges, [0, 0, 0, 0], "ranges")
        XCTAssertEqual(summary.histogram.counts, [4 * 19, 0, 0, 0], "every element is −3, in [−4, −2)")
    }
}
