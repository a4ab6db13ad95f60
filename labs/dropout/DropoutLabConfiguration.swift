import Foundation
import NNEngine

/// The parameters of one `lab dropout` run. The defaults make each lecture point visible in well
/// under a minute on two cores: wide 256-256 ReLU nets on 200 digits (and a 120-point spiral),
/// Adam at 1e-3 for 60 epochs, 8 ensemble members, 1000 Monte Carlo passes.
public struct DropoutLabConfiguration: Equatable, Sendable {
    /// The main data set (figures 1, 2, 4, 5; figure 6 too when it is 2-D).
    public var dataset: DatasetChoice = .digits(classes: 10)
    /// Keep probabilities p compared in figure 1; the smallest below 1 trains the dropout nets
    /// of figures 4 and 6.
    public var keeps: [Double] = [1.0, 0.8, 0.5]
    /// Hidden layer sizes of every net.
    public var hidden: [Int] = [256, 256]
    public var epochs = 60
    public var batchSize = 32
    public var optimizer: OptimizerKind = .adam()
    public var learningRate = 1e-3
    /// Training examples kept from the digits: deliberately few, so that the nets overfit.
    public var trainCount = 200
    /// Independently initialized nets in figure 5.
    public var ensembleSize = 8
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

    /// The 2-D sets train for this many times `epochs`: their ~120 training points make only 4
    /// minibatches an epoch, against 7 for the 200 digits, and the spiral's arms need ~1000
    /// updates to be carved out.
    public static let planarEpochMultiplier = 5

    /// Members of the ensemble in figure 6 (the "5-model ensemble").
    public static let boundaryEnsembleSize = 5

    /// The optimizer with its learning rate.
    public var optimizerConfiguration: OptimizerConfiguration {
        OptimizerConfiguration(kind: optimizer, learningRate: learningRate)
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
        guard !hidden.isEmpty else { throw LabError("--hidden needs at least one layer size, e.g. 256,256") }
        for h in hidden where h < 1 { throw LabError("hidden layer size \(h) must be at least 1") }
        guard hidden.reduce(0, +) <= 8192 else { throw LabError("hidden layers of \(hidden.reduce(0, +)) units in total are too many; the limit is 8192") }
        for (name, value, limit) in [("epochs", epochs, 10_000), ("batch size", batchSize, 100_000), ("ensemble", ensembleSize, 100),
                                     ("mc-samples", mcSamples, 100_000), ("grid size", gridSize, 1000), ("train count", trainCount, 1_000_000)] {
            guard value >= 1 else { throw LabError("\(name) must be at least 1, got \(value)") }
            guard value <= limit else { throw LabError("\(name) \(value) is too large; the limit is \(limit)") }
        }
        guard gridSize >= 10 else { throw LabError("grid size must be at least 10, got \(gridSize)") }
        try optimizerConfiguration.validate()
    }
}
