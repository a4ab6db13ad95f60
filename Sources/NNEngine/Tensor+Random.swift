import Dispatch

extension Tensor {
    /// Elements per independent stream when filling a tensor with random draws. It is fixed, not
    /// derived from the core count, so the result is the same on a laptop and a 64-core server.
    public static let randomChunkSize = 1 << 16

    /// A tensor whose elements are drawn by `draw`, in chunks of `randomChunkSize` elements, each
    /// chunk from its own stream split off `generator` (see `Xoshiro256StarStar.split()`), filled in
    /// parallel. Deterministic for a given generator state, whatever the number of threads.
    public static func random(shape: [Int], using generator: inout Xoshiro256StarStar,
                              _ draw: @escaping @Sendable (inout Xoshiro256StarStar) -> Double) -> Tensor {
        let count = shape.reduce(1, *)
        let chunks = (count + randomChunkSize - 1) / randomChunkSize
        let streams = (0..<chunks).map { _ in generator.split() }
        var scalars = [Double](repeating: 0, count: count)
        scalars.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var rng = streams[chunk]
                let start = chunk * randomChunkSize
                let end = Swift.min(start + randomChunkSize, count)
                for i in start..<end { base![i] = draw(&rng) }
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// Elements drawn independently from N(mean, std²): the engine's `randn`.
    public static func randomNormal(shape: [Int], mean: Double = 0, std: Double = 1,
                                    using generator: inout Xoshiro256StarStar) -> Tensor {
        random(shape: shape, using: &generator) { $0.normal(mean: mean, std: std) }
    }

    /// Elements drawn independently from U[low, high).
    public static func randomUniform(shape: [Int], low: Double, high: Double,
                                     using generator: inout Xoshiro256StarStar) -> Tensor {
        random(shape: shape, using: &generator) { $0.uniform(low, high) }
    }

    /// Elements `std · z` with `z` from N(0, 1) truncated to [−bound, bound].
    public static func randomTruncatedNormal(shape: [Int], std: Double, bound: Double = 2,
                                             using generator: inout Xoshiro256StarStar) -> Tensor {
        random(shape: shape, using: &generator) { std * $0.truncatedNormal(bound: bound) }
    }
}
