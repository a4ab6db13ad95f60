/// Counts of values in `bins` equal-width bins spanning `[lower, upper]`.
///
/// Bin `k` holds `edges[k] ≤ x < edges[k+1]`; the last bin also holds `x == upper` (numpy's
/// convention). Values outside the range are counted in `below` and `above` rather than dropped
/// silently, and NaNs in `nonFinite` along with ±∞, so a figure never hides part of its data.
public struct Histogram: Codable, Equatable, Sendable {
    /// `bins + 1` increasing edges.
    public let edges: [Double]
    /// `bins` counts.
    public let counts: [Int]
    /// Values `< lower`.
    public let below: Int
    /// Values `> upper`.
    public let above: Int
    /// NaN and ±∞ values.
    public let nonFinite: Int

    /// Bins `values` into `bins` equal-width bins over `[lower, upper]`.
    /// - Precondition: `bins > 0` and `lower < upper`, both finite.
    public init<C: Collection>(_ values: C, bins: Int, lower: Double, upper: Double) where C.Element == Double {
        precondition(bins > 0, "a histogram needs at least one bin")
        precondition(lower.isFinite && upper.isFinite && lower < upper,
                     "histogram range [\(lower), \(upper)] must be finite and non-empty")
        let width = (upper - lower) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        var below = 0, above = 0, nonFinite = 0
        for x in values {
            if !x.isFinite { nonFinite += 1 } else if x < lower { below += 1 } else if x > upper { above += 1 } else {
                // x == upper lands in the last bin; rounding can push others one past it too.
                counts[Swift.min(Int((x - lower) / width), bins - 1)] += 1
            }
        }
        self.edges = Self.edges(bins: bins, lower: lower, upper: upper)
        self.counts = counts
        self.below = below
        self.above = above
        self.nonFinite = nonFinite
    }

    /// A histogram from counts made by the rule above elsewhere (`ProductSummary`'s kernel).
    init(bins: Int, lower: Double, upper: Double, counts: [Int], below: Int, above: Int, nonFinite: Int) {
        precondition(counts.count == bins, "\(counts.count) counts for \(bins) bins")
        self.edges = Self.edges(bins: bins, lower: lower, upper: upper)
        self.counts = counts
        self.below = below
        self.above = above
        self.nonFinite = nonFinite
    }

    /// `lower + k·(upper − lower)/bins` for k = 0…bins; the last edge is `upper` exactly, since
    /// lower + bins·width can round below it.
    static func edges(bins: Int, lower: Double, upper: Double) -> [Double] {
        let width = (upper - lower) / Double(bins)
        return (0...bins).map { $0 == bins ? upper : lower + Double($0) * width }
    }

    /// The midpoint of each bin.
    public var centers: [Double] { zip(edges, edges.dropFirst()).map { ($0 + $1) / 2 } }

    /// Every value seen, in range or not.
    public var total: Int { counts.reduce(0, +) + below + above + nonFinite }

    /// Each bin's share of all values seen, so panels with different sample sizes compare.
    public var fractions: [Double] {
        let n = Double(Swift.max(total, 1))
        return counts.map { Double($0) / n }
    }
}

extension Histogram {
    /// The histogram of all values seen by `parts`, which must share their edges.
    init(merging parts: [Histogram]) {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.edges == parts[0].edges }, "merging histograms with different bins")
        edges = parts[0].edges
        counts = parts.dropFirst().reduce(parts[0].counts) { zip($0, $1.counts).map(+) }
        below = parts.reduce(0) { $0 + $1.below }
        above = parts.reduce(0) { $0 + $1.above }
        nonFinite = parts.reduce(0) { $0 + $1.nonFinite }
    }
}

extension Tensor {
    /// A histogram of the elements; see `Histogram`. Big tensors are binned in parallel slices of
    /// 2¹⁸ elements whose counts are then added, which gives exactly the serial result.
    public func histogram(bins: Int, lower: Double, upper: Double) -> Histogram {
        let slice = 1 << 18
        let parts = (count + slice - 1) / slice
        guard parts > 1 else { return Histogram(scalars, bins: bins, lower: lower, upper: upper) }
        var results = [Histogram?](repeating: nil, count: parts)
        scalars.withUnsafeBufferPointer { x in
            results.withUnsafeMutableBufferPointer { out in
                let output = out.baseAddress!
                Parallel.forEach(parts) { part in
                    let range = (part * slice)..<Swift.min((part + 1) * slice, x.count)
                    output[part] = Histogram(x[range], bins: bins, lower: lower, upper: upper)
                }
            }
        }
        return Histogram(merging: results.map { $0! })
    }
}
