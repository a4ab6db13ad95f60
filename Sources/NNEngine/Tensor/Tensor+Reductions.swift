extension Tensor {
    /// `Σᵢ xᵢ` over every element (pairwise summation, so the rounding error grows as O(log n)
    /// rather than O(n): the init study sums 16.7 M gradient entries).
    public var sum: Double { Tensor.pairwiseSum(scalars[...]) }

    /// `μ = (1/n) Σᵢ xᵢ`; `nan` for an empty tensor.
    public var mean: Double { count == 0 ? .nan : sum / Double(count) }

    /// The population variance `(1/n) Σᵢ (xᵢ − μ)²`, computed in two passes for accuracy
    /// (the one-pass `E[x²] − μ²` cancels catastrophically when |μ| ≫ σ).
    public var variance: Double {
        guard count > 0 else { return .nan }
        let mu = mean
        return Tensor.blockedSum(count) { i in
            let d = scalars[i] - mu
            return d * d
        } / Double(count)
    }

    /// The population standard deviation `√variance` (numpy's `std` with `ddof=0`).
    public var standardDeviation: Double { variance.squareRoot() }

    /// The smallest element (`nan` if empty); a NaN element makes it NaN.
    public var min: Double {
        guard var m = scalars.first else { return .nan }
        for x in scalars { if x < m || x.isNaN { m = x; if x.isNaN { break } } }
        return m
    }

    /// The largest element (`nan` if empty); a NaN element makes it NaN.
    public var max: Double {
        guard var m = scalars.first else { return .nan }
        for x in scalars { if x > m || x.isNaN { m = x; if x.isNaN { break } } }
        return m
    }

    /// The fraction of elements for which `predicate` holds, in [0, 1].
    public func fraction(where predicate: (Double) -> Bool) -> Double {
        guard count > 0 else { return .nan }
        var hits = 0
        for x in scalars where predicate(x) { hits += 1 }
        return Double(hits) / Double(count)
    }

    /// `Σᵢ term(i)` for i in 0..<n without materializing the terms: plain sums over blocks of 256,
    /// then pairwise over the block sums, so the error stays O(log n) as in `pairwiseSum`.
    static func blockedSum(_ n: Int, _ term: (Int) -> Double) -> Double {
        var blocks: [Double] = []
        blocks.reserveCapacity(n / 256 + 1)
        var start = 0
        while start < n {
            var s = 0.0
            for i in start..<Swift.min(start + 256, n) { s += term(i) }
            blocks.append(s)
            start += 256
        }
        return pairwiseSum(blocks[...])
    }

    /// Sum by recursive halving; blocks of 256 are summed directly.
    static func pairwiseSum(_ xs: ArraySlice<Double>) -> Double {
        if xs.count <= 256 {
            var s = 0.0
            for x in xs { s += x }
            return s
        }
        let mid = xs.startIndex + xs.count / 2
        return pairwiseSum(xs[..<mid]) + pairwiseSum(xs[mid...])
    }
}
