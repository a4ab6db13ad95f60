extension Tensor {
    /// The `q`-th percentiles (`q` in [0, 100]) by linear interpolation between order statistics,
    /// numpy's default method: position `h = (q/100)(n − 1)`, value `x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)`.
    ///
    /// Sorts once for all the requested percentiles. NaN elements are ignored.
    public func percentiles(_ qs: [Double]) -> [Double] {
        precondition(qs.allSatisfy { (0...100).contains($0) }, "percentiles must be in [0, 100]: \(qs)")
        let sorted = scalars.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return qs.map { _ in .nan } }
        return qs.map { q in
            let h = q / 100 * Double(sorted.count - 1)
            let lo = Int(h.rounded(.down))
            let hi = Swift.min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
    }

    /// The `q`-th percentile (`q` in [0, 100]); see `percentiles(_:)`.
    public func percentile(_ q: Double) -> Double { percentiles([q])[0] }
}
