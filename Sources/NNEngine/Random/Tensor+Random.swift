extension Tensor {
    /// Elements per unit of parallel work when filling a tensor. Any size gives the same numbers
    /// (element `i` is draw `first + i` of the stream); 2¹⁶ makes 256 units of a 4096² matrix.
    public static let randomChunkSize = 1 << 16

    /// A tensor whose element `i` (row-major) is `distribution` sampled from draw
    /// `stream.position + i`; the stream moves past the `count` draws. Filled in parallel by
    /// counter ranges: the result does not depend on the number of threads.
    /// - shape: any; `count = shape.reduce(1, *)`.
    public static func random<D: ScalarDistribution>(shape: [Int], from distribution: D,
                                                     using stream: inout RandomStream) -> Tensor {
        var tensor = Tensor(zeros: [0])
        tensor.fillRandom(shape: shape, from: distribution, using: &stream)
        return tensor
    }

    /// Replaces this tensor with one of `shape` drawn as `random(shape:from:using:)` does (the same
    /// values for the same stream state), reusing the storage when the size allows, so a loop
    /// that redraws big weight matrices does not map fresh memory each time.
    public mutating func fillRandom<D: ScalarDistribution>(shape newShape: [Int], from distribution: D,
                                                           using stream: inout RandomStream) {
        let count = newShape.reduce(1, *)
        let first = stream.position
        stream.advance(by: count)
        let key = stream.key
        // Fresh storage is left uninitialized: every element is written below, and zeroing
        // hundreds of megabytes first would only touch each page twice.
        if scalars.count != count { scalars = Tensor.uninitializedScalars(count: count) }
        shape = newShape
        let chunks = (count + Tensor.randomChunkSize - 1) / Tensor.randomChunkSize
        scalars.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            Parallel.forEach(chunks) { chunk in
                let start = chunk * Tensor.randomChunkSize
                let end = Swift.min(start + Tensor.randomChunkSize, count)
                distribution.fill(base + start, count: end - start, key: key, first: first &+ UInt64(start))
            }
        }
    }

    /// Elements drawn independently from N(mean, std²): the engine's `randn`.
    public static func randomNormal(shape: [Int], mean: Double = 0, std: Double = 1,
                                    using stream: inout RandomStream) -> Tensor {
        random(shape: shape, from: NormalDistribution(mean: mean, std: std), using: &stream)
    }

    /// Elements drawn independently from U[low, high).
    public static func randomUniform(shape: [Int], low: Double, high: Double,
                                     using stream: inout RandomStream) -> Tensor {
        random(shape: shape, from: UniformDistribution(low: low, high: high), using: &stream)
    }

    /// Elements `std · z` with `z` from N(0, 1) truncated to [−bound, bound].
    public static func randomTruncatedNormal(shape: [Int], std: Double, bound: Double = 2,
                                             using stream: inout RandomStream) -> Tensor {
        random(shape: shape, from: TruncatedNormalDistribution(scale: std, bound: bound), using: &stream)
    }
}
