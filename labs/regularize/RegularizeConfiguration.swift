import Foundation
import NNEngine

/// The parameters of one `lab regularize` run. The defaults show each lecture point in about ten
/// seconds on two cores: 2-D nets of 3, 6 and 20 ReLU units on a 3-arm spiral, 64-100-10 nets on
/// 300 UCI digits trained by plain SGD, polynomial fits over 200 draws.
public struct RegularizeConfiguration: Equatable, Sendable {
    // Figure 1: capacity.
    /// Hidden units of the one-hidden-layer nets compared on the spiral (the 000 deck's 3, 6, 20).
    public var capacityUnits: [Int] = [3, 6, 20]
    /// L2 strengths λ of the widest net (the deck's 0.001, 0.01, 0.1; penalty ½λ‖W‖²).
    public var capacityLambdas: [Double] = [0.001, 0.01, 0.1]
    /// Points per spiral arm, in the training and in the (independent) test set.
    public var planarPointsPerClass = 50
    /// The spiral's angular noise: enough that the arms overlap and a wide net can chase single points.
    public var planarNoise = 0.4
    public var planarEpochs = 1000

    // Figures 2 and 4: nets on the digits.
    /// Training digits kept: few, so that an unregularized net overfits.
    public var trainCount = 300
    /// Hidden layer sizes of every digits net.
    public var hidden: [Int] = [100]
    public var epochs = 60
    public var batchSize = 32
    /// Plain SGD's learning rate: with plain SGD the proximal L1 step is exactly proximal
    /// gradient descent (see `PenaltyStep`).
    public var learningRate = 0.05
    /// Penalty strengths λ of the L2 / L1 / elastic-net sweep (0 is always added as the baseline).
    public var lambdas: [Double] = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2]
    /// The λ whose weight histograms figure 2 draws (must be one of `lambdas`).
    public var histogramLambda = 3e-3
    /// Max-norm limits c compared (per unit's incoming weights, ‖w‖₂ ≤ c).
    public var maxNorms: [Double] = [0.25, 0.5, 1, 2]
    /// Figure 4a's unregularized net trains this many times `epochs`, long enough for its
    /// validation loss to pass its minimum.
    public var earlyStoppingMultiplier = 5
    /// Label smoothing ε of figure 4 (the cook book's ε/(C−1) off-target form).
    public var smoothing = 0.1
    /// Gaussian input-noise std, in units of the normalized pixels.
    public var inputNoise = 0.5
    /// Noisy or jittered copies of every training digit (offline augmentation); the augmented
    /// nets train `copies` times fewer epochs, so that every net takes the same number of steps.
    public var copies = 5
    /// Independent seeds per variant in the smoothing and augmentation comparisons.
    public var seeds = 4

    // Figure 3: bias and variance.
    public var degrees: ClosedRange<Int> = 1...15
    /// Noisy training points per draw (figure 3's U-curve).
    public var samplePoints = 30
    /// Training-set sizes of the second panel.
    public var sampleSizes: [Int] = [20, 30, 50, 100, 200, 400]
    /// Independent training sets drawn per degree and size.
    public var draws = 200
    /// σ of the label noise, y = sin(πx) + N(0, σ²).
    public var noise = 0.3

    /// Seeds everything.
    public var seed: UInt64 = 0
    /// The digits file (`labs/data/digits.csv.gz` of the source tree by default).
    public var digitsFile: URL = RegularizeConfiguration.defaultDigitsFile

    public init() {}

    public static let defaultDigitsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/digits.csv.gz")

    /// Plain SGD at `learningRate`.
    public var optimizer: OptimizerConfiguration { OptimizerConfiguration(kind: .sgd, learningRate: learningRate) }

    /// Checks every value before any work is done.
    /// - Throws: `LabError` naming the bad value and its valid range.
    public func validate() throws {
        for (name, values) in [("--units", capacityUnits), ("--hidden", hidden)] {
            guard !values.isEmpty else { throw LabError("\(name) needs at least one size, e.g. 3,6,20") }
            for h in values where !(1...4096).contains(h) { throw LabError("\(name): layer size \(h) must be in 1...4096") }
        }
        for (name, values) in [("--capacity-lambdas", capacityLambdas), ("--lambdas", lambdas)] {
            guard !values.isEmpty else { throw LabError("\(name) needs at least one λ, e.g. 0.001,0.01") }
            for v in values where !(v > 0 && v <= 10) { throw LabError("\(name): λ = \(v) must be in (0, 10]") }
        }
        guard lambdas.contains(histogramLambda) else {
            throw LabError("the histogram λ \(histogramLambda) must be one of --lambdas \(lambdas.map { "\($0)" }.joined(separator: ","))")
        }
        guard !maxNorms.isEmpty else { throw LabError("--max-norms needs at least one limit, e.g. 1,2,4") }
        for c in maxNorms where !(c > 0 && c <= 1000) { throw LabError("--max-norms: limit \(c) must be in (0, 1000]") }
        for (name, value, range) in [("--points-per-class", planarPointsPerClass, 5...10_000), ("--early-stopping-multiplier", earlyStoppingMultiplier, 1...100), ("--planar-epochs", planarEpochs, 1...20_000),
                                     ("--train-count", trainCount, 20...1_000), ("--epochs", epochs, 1...10_000),
                                     ("--batch-size", batchSize, 1...10_000), ("--copies", copies, 1...50), ("--seeds", seeds, 1...50),
                                     ("--sample-points", samplePoints, 2...100_000), ("--draws", draws, 2...100_000)] {
            guard range.contains(value) else { throw LabError("\(name) \(value) is outside \(range.lowerBound)...\(range.upperBound)") }
        }
        guard batchSize <= trainCount else {
            throw LabError("--batch-size \(batchSize) is larger than the \(trainCount) training digits (--train-count)")
        }
        guard learningRate > 0 && learningRate <= 100 else { throw LabError("--lr \(learningRate) must be in (0, 100]") }
        guard planarNoise >= 0 && planarNoise <= 10 else { throw LabError("--planar-noise \(planarNoise) must be in [0, 10]") }
        guard smoothing > 0 && smoothing < 1 else { throw LabError("--smoothing ε = \(smoothing) must be in (0, 1)") }
        guard inputNoise >= 0 && inputNoise <= 100 else { throw LabError("--input-noise \(inputNoise) must be in [0, 100]") }
        guard noise > 0 && noise <= 100 else { throw LabError("--noise σ = \(noise) must be in (0, 100]") }
        guard degrees.lowerBound >= 0 && degrees.upperBound <= 30 else { throw LabError("--max-degree must be in 1...30 (a Legendre basis of degree above 30 on few points is meaningless)") }
        // Least squares needs at least as many points as coefficients, degree + 1.
        for n in [samplePoints] + sampleSizes where n < degrees.upperBound + 1 {
            throw LabError("\(n) points cannot fit a polynomial of degree \(degrees.upperBound) (\(degrees.upperBound + 1) coefficients); use at least \(degrees.upperBound + 1) points")
        }
        for n in sampleSizes where n > 100_000 { throw LabError("--sample-sizes: \(n) is above the limit 100000") }
        guard Double(draws) * Double(sampleSizes.max() ?? samplePoints) * Double(degrees.count) <= 2e8 else {
            throw LabError("--draws \(draws) with these sample sizes is too much work (draws × points × degrees above 2e8)")
        }
    }
}
