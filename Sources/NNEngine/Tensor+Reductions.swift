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
        return Tensor.pairwiseSum(scalars.map { ($0 - mu) * ($0 - mu) }[...]) / Double(count)
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
