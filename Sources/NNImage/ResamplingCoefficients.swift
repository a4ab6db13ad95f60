import Foundation

/// The weights of a 1-D resampling pass, computed once per output coordinate and reused for every
/// row (or column) and channel.
///
/// Output `i` of a pass reads inputs `first[i] ..< first[i] + count[i]` with weights
/// `weights[i · stride ..< i · stride + count[i]]`, which sum to 1.
struct ResamplingCoefficients {
    var first: [Int]
    var count: [Int]
    var weights: [Float]
    var stride: Int

    /// Coefficients mapping the input span `start ..< start + length` (of an axis `inputSize`
    /// long) onto `outputSize` samples.
    ///
    /// Output sample `i` is centred at `c = start + (i + ½) · s` with `s = length / outputSize`; the
    /// kernel is stretched by `max(s, 1)` so that downscaling low-pass filters (see
    /// `ResamplingFilter`). Taps outside the image are dropped and the rest renormalized, which
    /// keeps a constant image constant up to the border.
    init(filter: ResamplingFilter, inputSize: Int, start: Int, length: Int, outputSize: Int) {
        precondition(outputSize > 0 && length > 0 && start >= 0 && start + length <= inputSize,
                     "resampling span \(start)..<\(start + length) of \(inputSize) onto \(outputSize)")
        let scale = Double(length) / Double(outputSize)
        first = [Int](repeating: 0, count: outputSize)
        count = [Int](repeating: 0, count: outputSize)
        if filter == .nearest {
            // Point sampling: the input pixel containing the output centre.
            stride = 1
            weights = [Float](repeating: 1, count: outputSize)
            for i in 0..<outputSize {
                first[i] = start + min(length - 1, Int((Double(i) + 0.5) * scale))
                count[i] = 1
            }
            return
        }
        let stretch = max(scale, 1)
        let support = filter.radius * stretch
        stride = Int(ceil(support)) * 2 + 1
        weights = [Float](repeating: 0, count: outputSize * stride)
        // One buffer for every output's taps: an array per output was a third of the cost.
        var taps = [Double]()
        taps.reserveCapacity(stride + 1)
        for i in 0..<outputSize {
            let centre = Double(start) + (Double(i) + 0.5) * scale
            let low = max(0, Int(floor(centre - support)))
            let high = min(inputSize, Int(ceil(centre + support)))
            taps.removeAll(keepingCapacity: true)
            var total = 0.0
            for j in low..<high {
                let w = filter.weight((Double(j) + 0.5 - centre) / stretch)
                taps.append(w)
                total += w
            }
            // Trim zero taps at both ends so the inner loops do no useless work.
            var lo = 0, hi = taps.count
            while lo < hi && taps[lo] == 0 { lo += 1 }
            while hi > lo && taps[hi - 1] == 0 { hi -= 1 }
            precondition(hi > lo && total != 0, "empty resampling kernel at output \(i)")
            first[i] = low + lo
            count[i] = hi - lo
            for k in lo..<hi { weights[i * stride + k - lo] = Float(taps[k] / total) }
        }
    }

    /// The smallest input range any output reads.
    var inputRange: Range<Int> {
        let low = first.min() ?? 0
        let high = zip(first, count).map { $0 + $1 }.max() ?? 0
        return low..<high
    }
}
