import Dispatch

extension Tensor {
    /// Elements per independent stream when filling a tensor with random draws. It is fixed, not
    /// derived from the core count, so the result is the same on a laptop and a 64-core server.
    public static let randomChunkSize = 1 << 16

    /// A tensor whose elements are independent draws from `distribution`, in chunks of
    /// `randomChunkSize` elements, each chunk from its own stream split off `generator` (see
    /// `Xoshiro256StarStar.split()`), filled in parallel. Deterministic for a given generator
    /// state, whatever the number of threads.
    public static func random<D: ScalarDistribution>(shape: [Int], from distribution: D,
                                                     using generator: inout Xoshiro256StarStar) -> Tensor {
        var tensor = Tensor(zeros: [0])
        tensor.fillRandom(shape: shape, from: distribution, using: &generator)
        return tensor
    }

    /// Replaces this tensor with one of `shape` drawn as `random(shape:from:using:)` does (the same
    /// values for the same generator state), reusing the storage when the size allows, so a loop
    /// that redraws big weight matrices does not map fresh memory each time.
    public mutating func fillRandom<D: ScalarDistribution>(shape newShape: [Int], from distribution: D,
                                                           using generator: inout Xoshiro256StarStar) {
        let count = newShape.reduce(1, *)
        let chunks = (count + Tensor.randomChunkSize - 1) / Tensor.randomChunkSize
        let streams = (0..<chunks).map { _ in generator.split() }
        // Fresh storage is left uninitialized: every element is written below, and zeroing
        // hundreds of megabytes first would only touch each page twice.
        if scalars.count != count { scalars = Array(unsafeUninitializedCapacity: count) { _, initialized in initialized = count } }
        shape = newShape
        scalars.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var rng = streams[chunk]
                let start = chunk * Tensor.randomChunkSize
                let end = Swift.min(start + Tensor.randomChunkSize, count)
                for i in start..<end { base[i] = distribution.sample(using: &rng) }
            }
        }
    }

    /// Elements drawn independently from N(mean, std²): the engine's `randn`.
    public static func randomNormal(shape: [Int], mean: Double = 0, std: Double = 1,
                                    using generator: inout Xoshiro256StarStar) -> Tensor {
        random(shape: shape, from: NormalDistribution(mean: mean, std: std), using: &generator)
    }

    /// Elements drawn independently from U[low, high).
    public static func randomUniform(shape: [Int], low: Double, high: Double,
                                     using generator: inout Xoshiro256StarStar) -> Tensor {
        random(shape: shape, from: UniformDistribution(low: low, high: high), using: &generator)
    }

    /// Elements `std · z` with `z` from N(0, 1) truncated to [−bound, bound].
    public static func randomTruncatedNormal(shape: [Int], std: Double, bound: Double = 2,
                                             using generator: inout Xoshiro256StarStar) -> Tensor {
        random(shape: shape, from: TruncatedNormalDistribution(scale: std, bound: bound), using: &generator)
    }
}
