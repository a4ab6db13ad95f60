import NNEngine

/// The noise of minibatch gradients: how far the gradient of a random minibatch of `B` examples
/// lies from the full-batch gradient `G`, for `B` from 1 to `N`.
///
/// With per-example gradients `gᵢ` (data loss only), `G = (1/N) Σ gᵢ` and the per-example
/// covariance trace `tr Σ = (1/N) Σ ‖gᵢ − G‖²`, a minibatch drawn without replacement has
/// `E‖g_B − G‖² = (tr Σ / B) · (N − B)/(N − 1)`: noise falls as `1/B` and vanishes at `B = N`.
/// The "simple noise scale" `B_noise = tr Σ / ‖G‖²` (McCandlish et al. 2018, "An empirical model of
/// large-batch training") is the batch size at which the noise equals the signal.
struct GradientNoise: Codable, Equatable, Sendable {
    struct Point: Codable, Equatable, Sendable {
        var batchSize: Int
        /// Mean of `‖g_B − G‖²` over the draws.
        var measured: Double
        /// `(tr Σ / B)(N − B)/(N − 1)`.
        var predicted: Double
    }
    /// What the net was: "at initialization", "after 20 epochs".
    var state: String
    var exampleCount: Int
    var draws: Int
    var traceSigma: Double
    var fullGradientSquaredNorm: Double
    /// `tr Σ / ‖G‖²`.
    var noiseScale: Double
    var points: [Point]

    /// All parameter gradients of the mean data loss on `data`, concatenated: [P].
    static func gradient(of model: Sequential, on data: Dataset, loss: Loss) -> [Double] {
        var m = model
        var generator = RandomStream(seed: 0)  // no dropout: never drawn from
        let (scores, cache) = m.forward(data.features, mode: .inference, using: &generator)
        return model.backward(loss(scores, .classes(data.labels)).gradient, cache: cache, inputGradient: false)
            .parameters.flatMap(\.scalars)
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    /// Exact `G`, `tr Σ` from every per-example gradient, then `draws` minibatches of each size
    /// in `batchSizes` (drawn without replacement from `generator`).
    static func measure(_ model: Sequential, on data: Dataset, loss: Loss, batchSizes: [Int], draws: Int, state: String,
                        using generator: inout RandomStream) -> GradientNoise {
        let n = data.count
        let full = gradient(of: model, on: data, loss: loss)
        var trace = 0.0
        for i in 0..<n { trace += squaredDistance(gradient(of: model, on: data.subset([i]), loss: loss), full) }
        trace /= Double(n)
        var indices = Array(0..<n)
        let points = batchSizes.map { b -> Point in
            var total = 0.0
            for _ in 0..<draws {
                indices.shuffle(using: &generator)
                total += squaredDistance(gradient(of: model, on: data.subset(Array(indices[0..<b])), loss: loss), full)
            }
            let predicted = n > 1 ? trace / Double(b) * Double(n - b) / Double(n - 1) : 0
            return Point(batchSize: b, measured: total / Double(draws), predicted: predicted)
        }
        let signal = full.reduce(0) { $0 + $1 * $1 }
        return GradientNoise(state: state, exampleCount: n, draws: draws, traceSigma: trace, fullGradientSquaredNorm: signal,
                             noiseScale: signal > 0 ? trace / signal : .infinity, points: points)
    }
}
