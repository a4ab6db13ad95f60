import Foundation
import NNEngine

/// Figure 6's trainings: one batch size at the same number of examples seen, with or without the
/// linear-scaling rule `lr = lr₀ · B / B₀` (Goyal et al. 2017).
struct BatchRun: Codable, Sendable {
    var batchSize: Int
    var scaled: Bool
    var learningRate: Double
    /// Per step, and the examples seen after it.
    var stepLosses: [Double]
    var examplesSeen: [Int]
    /// Relative standard deviation of the minibatch loss around its moving average (window 10)
    /// over the last epoch.
    var lossNoise: Double
    var finalValidationAccuracy: Double
    var divergedAtStep: Int?

    /// `std(Lᵢ / L̄ᵢ − 1)` over the last `perEpoch` steps, `L̄` the moving average of the last 10
    /// losses: relative, because a minibatch loss's spread grows with the loss itself, and runs
    /// that learned less (a large batch at the same rate) would look noisier for that alone.
    static func noise(_ losses: [Double], perEpoch: Int) -> Double {
        let average = LossCurve.movingAverage(losses, window: 10)
        let tail = zip(losses, average).suffix(Swift.max(2, perEpoch)).map { $0 / $1 - 1 }
        guard tail.count >= 2, tail.allSatisfy(\.isFinite) else { return .nan }
        let mean = tail.reduce(0, +) / Double(tail.count)
        return (tail.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(tail.count - 1)).squareRoot()
    }
}
