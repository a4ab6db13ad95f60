import Foundation
import NNEngine

/// The parameters of one `lab normalize` run. The defaults make each lecture point visible in
/// about ten seconds on two cores: the preprocessing pictures on 500 Gaussian points and the
/// digits, a leak measured over 8 splits, the zig-zag of a 2-weight unit, and 8-layer sigmoid nets
/// of 32 units on the digits with and without batch norm (24 nets, in parallel).
public struct NormalizeLabConfiguration: Equatable, Sendable {
    /// Seeds every data draw, split, initialization and shuffle.
    public var seed: UInt64 = 0
    /// The digits file (`labs/data/digits.csv.gz` of the source tree by default).
    public var digitsFile: URL = NormalizeLabConfiguration.defaultDigitsFile

    // Figure 1: the preprocessing pictures and the leak.
    /// Points of the correlated 2-D Gaussian (70% training, 30% validation).
    public var gaussianCount = 500
    /// Splits (seeds) over which the leak is measured.
    public var leakSplits = 8
    /// Training digits of each leak split: few, so that statistics fitted on them are noisy and
    /// the validation digits change them visibly when they are let in.
    public var leakTrainCount = 100

    // Figure 3: batch norm while training.
    /// Hidden layers of the deep net (≥ 1; the issue asks for ≥ 8) and their width.
    public var depth = 8
    public var width = 32
    /// The hidden nonlinearity: sigmoid or tanh (the saturating ones batch norm was made for).
    ///
    /// The sigmoid by default: an 8-layer sigmoid net from Xavier weights does not train at any
    /// rate of the sweep without batch norm and does with it (seed 0: 10% against 94% after 30
    /// epochs), the contrast the decks draw. An 8 × 32 tanh net from Xavier weights at lr 0.01 is
    /// already well scaled and trains as well without (seed 0: 95% against 90%); batch norm then
    /// shows only in the learning rates it tolerates and in the bad initializations.
    public var activation: Activation = .sigmoid
    /// Epochs of the convergence curves; the sweep and the initialization study train `sweepEpochs`.
    public var epochs = 30
    public var sweepEpochs = 10
    public var batchSize = 32
    /// SGD with momentum 0.9: the optimizer of Ioffe & Szegedy's experiments.
    public var optimizer: OptimizerKind = .momentum(mu: 0.9)
    /// The learning rate of the convergence curves, the activation distributions, the
    /// initialization study and the train-vs-running comparison.
    public var learningRate = 0.01
    /// The learning-rate sweep, ascending.
    public var sweepRates: [Double] = [0.003, 0.01, 0.03, 0.1, 0.3, 1, 3]
    /// A net "tolerates" a learning rate when it trains without diverging and its final
    /// validation accuracy reaches this.
    public var targetAccuracy = 0.8
    /// Training digits of the batch-norm study (the rest of the split is validation and test).
    public var trainCount = 1000

    public init() {}

    /// The shipped digits, found from this source file: `labs/normalize/../data/digits.csv.gz`.
    public static let defaultDigitsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/digits.csv.gz")

    /// The optimizer with the main learning rate.
    public var optimizerConfiguration: OptimizerConfiguration {
        OptimizerConfiguration(kind: optimizer, learningRate: learningRate)
    }

    /// Checks every value before any work is done.
    /// - Throws: `LabError` naming the bad value and the valid range.
    public func validate() throws {
        for (name, value, low, high) in [("gaussian points", gaussianCount, 10, 1_000_000), ("leak splits", leakSplits, 2, 1000),
                                         ("leak train count", leakTrainCount, 20, 100_000), ("depth", depth, 1, 64),
                                         ("width", width, 2, 4096), ("epochs", epochs, 1, 10_000), ("sweep epochs", sweepEpochs, 1, 10_000),
                                         ("batch size", batchSize, 2, 100_000), ("train count", trainCount, 20, 1_000_000)] {
            guard value >= low else { throw LabError("\(name) must be at least \(low), got \(value)") }
            guard value <= high else { throw LabError("\(name) \(value) is too large; the limit is \(high)") }
        }
        guard depth * width <= 16_384 else {
            throw LabError("\(depth) layers of \(width) units are too many; depth × width is limited to 16384")
        }
        guard !sweepRates.isEmpty else { throw LabError("--sweep-lr needs at least one learning rate, e.g. 0.01,0.1,1") }
        for lr in sweepRates + [learningRate] where !(lr > 0 && lr.isFinite && lr <= 1000) {
            throw LabError("learning rate \(lr) must be a number in (0, 1000]")
        }
        guard targetAccuracy > 0 && targetAccuracy <= 1 else {
            throw LabError("target accuracy \(targetAccuracy) must be in (0, 1]")
        }
        switch activation {
        case .tanh, .sigmoid: break
        default: throw LabError("the batch-norm study compares saturating nets: --activation must be tanh or sigmoid, got \(activation)")
        }
        try optimizerConfiguration.validate()
    }
}
