import Foundation
import NNEngine

/// The parameters of one `lab dropout` run. The defaults make each lecture point visible in well
/// under a minute on two cores: 48-48 ReLU nets on 200 digits (with input dropout) and 256-256
/// nets on a 150-point spiral, Adam at 1e-3 for 150 epochs (300 on the spiral), 8 ensemble
/// members, 1000 Monte Carlo passes.
public struct DropoutLabConfiguration: Equatable, Sendable {
    /// The main data set (figures 1, 2, 4, 5; figure 6 too when it is 2-D).
    public var dataset: DatasetChoice = .digits(classes: 10)
    /// Keep probabilities p compared in figure 1; the smallest below 1 trains the dropout nets
    /// of figures 4 and 6.
    public var keeps: [Double] = [1.0, 0.8, 0.5]
    /// Hidden layer sizes of every net on the digits (figures 1, 2, 4, 5).
    ///
    /// 48-48 rather than the spiral's 256-256: a 256-wide net memorizes 200 digits even through
    /// the masks (at p = ½ its training-mode loss ends at 0.05–0.12, its inference-mode training
    /// loss below 0.001), so the noise stops shaping it, and its gap closes at every step
    /// 1 → 0.8 → 0.5 on 1 of seeds 0–9; Srivastava et al. (2014, §7.4) see the same on MNIST below
    /// ~1000 examples. Two layers of 48 cannot absorb the masks, and the gap closes on 9 of 10.
    public var hidden: [Int] = [48, 48]
    /// Hidden layer sizes of every net on a 2-D set (the spiral panel of figure 1 and figure 6,
    /// or all nets when `dataset` is 2-D): wide, so that the net can carve out single noisy points.
    public var planarHidden: [Int] = [256, 256]
    /// Keep probability of the input pixels of every dropout net on the digits, `max(p, inputKeep)`
    /// (Srivastava et al. 2014 keep 0.8 of the inputs; the cook book's "p ≈ 0.8 input units");
    /// 1 turns input dropout off. Never applied to 2-D points: dropping one of two coordinates
    /// removes half of what the net sees.
    public var inputKeep = 0.8
    /// Epochs on the digits; the 2-D sets train `planarEpochMultiplier` times as many.
    public var epochs = 150
    public var batchSize = 32
    public var optimizer: OptimizerKind = .adam()
    public var learningRate = 1e-3
    /// Training examples kept from the digits: deliberately few, so that the nets overfit.
    public var trainCount = 200
    /// Independently initialized nets in figure 5.
    public var ensembleSize = 8
    /// Independent ensembles of `ensembleSize` nets per training set in figure 5 (the first is
    /// the one drawn), each net with its own init and training seeds: the gain is reported with
    /// its spread over them, not from one run. Five make a 95% t-interval about ±1.2 standard
    /// deviations of the gain wide; each costs `ensembleSize` small nets per training set.
    public var ensembleRepeats = 5
    /// Training digits of figure 5's second ensemble, on the same split with fewer training
    /// digits: single nets are weaker there and disagree more, so averaging gains more. 0 leaves
    /// it out, and so does a 2-D `dataset`; otherwise it must be below `trainCount`.
    public var smallEnsembleTrainCount = Self.defaultSmallEnsembleTrainCount
    /// The small-data ensemble's training digits unless told otherwise.
    public static let defaultSmallEnsembleTrainCount = 50
    /// Stochastic passes of figure 4 (the largest K).
    public var mcSamples = 1000
    /// Cells per side of the decision-region grid of figure 6.
    public var gridSize = 100
    /// Seeds the data split, every initialization, shuffle and dropout mask.
    public var seed: UInt64 = 0
    /// The digits file (`labs/data/digits.csv.gz` of the source tree by default).
    public var digitsFile: URL = DropoutLabConfiguration.defaultDigitsFile

    public init() {}

    /// The shipped digits, found from this source file: `labs/dropout/../data/digits.csv.gz`.
    public static let defaultDigitsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/digits.csv.gz")

    /// The 2-D sets train for this many times `epochs`: their 150 training points make only 5
    /// minibatches an epoch, against 7 for the 200 digits, and the spiral's arms need ~1000
    /// updates to be carved out (150 × 2 epochs × 5 = 1500).
    public static let planarEpochMultiplier = 2

    /// Members of the ensemble in figure 6 (the "5-model ensemble").
    public static let boundaryEnsembleSize = 5

    /// The optimizer with its learning rate.
    public var optimizerConfiguration: OptimizerConfiguration {
        OptimizerConfiguration(kind: optimizer, learningRate: learningRate)
    }

    /// The hidden layer sizes of the nets on `data`.
    func hidden(for data: PreparedData) -> [Int] { data.isPlanar ? planarHidden : hidden }

    /// The keep probability of the inputs of a net with hidden keep probability `keep` on `data`:
    /// 1 without dropout and on 2-D points, else `max(keep, inputKeep)`, so that the inputs never
    /// lose more than the hidden units.
    func inputKeep(forHiddenKeep keep: Double, on data: PreparedData) -> Double {
        keep == 1 || data.isPlanar ? 1 : Swift.max(keep, inputKeep)
    }

    /// The smallest keep probability below 1, or 0.5 when every p is 1.
    public var dropoutKeep: Double { keeps.filter { $0 < 1 }.min() ?? 0.5 }

    /// Checks every value before any work is done.
    /// - Throws: `LabError` naming the bad value and the valid range.
    public func validate() throws {
        guard !keeps.isEmpty else { throw LabError("--keep needs at least one keep probability") }
        for p in keeps where !(p > 0 && p <= 1) {
            throw LabError("keep probability \(p) is outside (0, 1]; p is the probability of keeping a unit")
        }
        guard inputKeep > 0 && inputKeep <= 1 else {
            throw LabError("input keep probability \(inputKeep) is outside (0, 1]; p is the probability of keeping an input")
        }
        for (option, layers) in [("--hidden", hidden), ("--planar-hidden", planarHidden)] {
            guard !layers.isEmpty else { throw LabError("\(option) needs at least one layer size, e.g. 256,256") }
            for h in layers where h < 1 { throw LabError("hidden layer size \(h) must be at least 1") }
            guard layers.reduce(0, +) <= 8192 else { throw LabError("hidden layers of \(layers.reduce(0, +)) units in total are too many; the limit is 8192") }
        }
        for (name, value, limit) in [("epochs", epochs, 10_000), ("batch size", batchSize, 100_000), ("ensemble", ensembleSize, 100), ("ensemble repeats", ensembleRepeats, 20),
                                     ("mc-samples", mcSamples, 100_000), ("grid size", gridSize, 1000), ("train count", trainCount, 1_000_000)] {
            guard value >= 1 else { throw LabError("\(name) must be at least 1, got \(value)") }
            guard value <= limit else { throw LabError("\(name) \(value) is too large; the limit is \(limit)") }
        }
        guard smallEnsembleTrainCount >= 0 && smallEnsembleTrainCount <= 1_000_000 else {
            throw LabError("small-ensemble train count must be in 0...1000000 (0: none), got \(smallEnsembleTrainCount)")
        }
        // A "small-data" ensemble on as many digits as the main one would be the same ensemble.
        guard dataset.isPlanar || smallEnsembleTrainCount == 0 || smallEnsembleTrainCount < trainCount else {
            throw LabError("small-ensemble train count \(smallEnsembleTrainCount) must be below the train count \(trainCount) (0: none)")
        }
        guard gridSize >= 10 else { throw LabError("grid size must be at least 10, got \(gridSize)") }
        let estimate = estimatedPeakBytes
        guard estimate <= Double(Self.memoryLimit) else {
            throw LabError("these nets would take about \(InputFile.formatBytes(Int(estimate))) of memory (every trained net is kept for the figures); "
                + "the limit is \(InputFile.formatBytes(Self.memoryLimit)): use fewer or smaller hidden layers, or a smaller --ensemble")
        }
        try optimizerConfiguration.validate()
    }
}
