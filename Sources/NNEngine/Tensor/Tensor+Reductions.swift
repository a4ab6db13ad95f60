extension Tensor {
    /// `Σᵢ xᵢ` over every element (pairwise summation, so the rounding error grows as O(log n)
    /// rather than O(n): the init study sums 16.7 M gradient entries).
    /// Big tensors sum their top four subtrees on all cores, which gives the same bits.
    public var sum: Double { Tensor.parallelPairwiseSum(scalars[...]) }

    /// `μ = (1/n) Σᵢ xᵢ`; `nan` for an empty tensor.
    public var mean: Double { count == 0 ? .nan : sum / Double(count) }

    /// The population variance `(1/n) Σᵢ (xᵢ − μ)²`, computed in two passes for accuracy
    /// (the one-pass `E[x²] − μ²` cancels catastrophically when |μ| ≫ σ).
    public var variance: Double {
        guard count > 0 else { return .nan }
        let mu = mean
        guard count >= Tensor.parallelSumThreshold else {
            return Tensor.blockedSum(count) { i in
                let d = scalars[i] - mu
                return d * d
            } / Double(count)
        }
        return scalars.withUnsafeBufferPointer { x in
            Tensor.parallelBlockedSum(count) { block in
                var s = 0.0
                for i in block {
                    let d = x[i] - mu
                    s += d * d
                }
                return s
            }
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

    /// `blockedSum` with each block's plain sum, from 0 in order, given by `blockSum(range)`, and
    /// the blocks shared among the cores (`blockSum` must then be safe to call from several
    /// threads): the same block sums, so the same bits. One call per block rather than per term
    /// keeps the closure out of the inner loop.
    static func parallelBlockedSum(_ n: Int, _ blockSum: (Range<Int>) -> Double) -> Double {
        let count = (n + 255) / 256
        var blocks = [Double](repeating: 0, count: count)
        blocks.withUnsafeMutableBufferPointer { out in
            let output = out.baseAddress!
            func sumBlocks(_ range: Range<Int>) {
                for b in range { output[b] = blockSum((b * 256)..<Swift.min(b * 256 + 256, n)) }
            }
            // Slices of 1024 blocks (2¹⁸ terms), taken by the cores in turn.
            Parallel.forEach((count + 1023) / 1024) { slice in sumBlocks((slice * 1024)..<Swift.min(slice * 1024 + 1024, count)) }
        }
        return pairwiseSum(blocks[...])
    }

    /// From this many elements, sums and variances use every core.
    static let parallelSumThreshold = 1 << 20

    /// `pairwiseSum(xs)`, the four subtrees two levels below the top summed on all cores when
    /// there are at least `parallelSumThreshold` elements: the same halving, the same bits.
    static func parallelPairwiseSum(_ xs: ArraySlice<Double>) -> Double {
        guard xs.count >= parallelSumThreshold, Parallel.coreCount > 1 else { return pairwiseSum(xs) }
        func halves(_ s: ArraySlice<Double>) -> [ArraySlice<Double>] {
            let mid = s.startIndex + s.count / 2
            return [s[..<mid], s[mid...]]
        }
        let quarters = halves(xs).flatMap(halves)
        var sums = [Double](repeating: 0, count: 4)
        sums.withUnsafeMutableBufferPointer { out in
            let output = out.baseAddress!
            Parallel.forEach(4) { output[$0] = pairwiseSum(quarters[$0]) }
        }
        return (sums[0] + sums[1]) + (sums[2] + sums[3])
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
