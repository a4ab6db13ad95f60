import Foundation
import NNEngine
import NNFiles

/// Everything that defines a hyperparameter search: the net, the training, the ranges and how
/// many trials each study gets. Written into every trial file, so that a merge needs nothing but
/// the files; its hash with the seed is the search's identity (`identity`).
public struct SearchConfiguration: Codable, Equatable, Sendable {
    /// Hidden layer sizes of the ReLU MLP on the 64 digit pixels.
    public var hidden = [32]
    /// Epochs of every training (the kept model is the epoch with the best validation accuracy).
    public var epochs = 20
    public var batchSize = 32
    /// SGD with momentum μ: the learning rate matters over decades, which is what a search finds.
    public var momentum = 0.9
    /// Training digits kept (nil: the whole training part, 60% of the 1797 digits).
    public var trainCount: Int?

    /// Figure 1: a `grid × grid` grid and `grid²` random points over learning rate × weight decay,
    /// with weight decay in `unimportantDecay`, a range where it barely changes anything.
    public var grid = 3
    public var gridLearningRate = LogRange(1e-4, 1)
    public var unimportantDecay = LogRange(1e-7, 1e-5)
    /// Figure 2: trials of log-uniform and of uniform sampling (each), over `learningRate` × `weightDecay`.
    public var samples = 16
    /// Figure 3: the wide ranges of the coarse stage (and of figure 2), then the fine stage. The
    /// learning-rate range is one a student might take from an Adam example; for SGD with
    /// momentum its best value lies at the top edge, which is what the edge warning is about.
    public var learningRate = LogRange(1e-5, 1e-2)
    public var weightDecay = LogRange(1e-6, 1e-1)
    public var coarse = 24
    public var fine = 16
    /// The fine stage spans the best coarse trials' region, this fraction of the coarse range's
    /// decades wide on each axis, centred on the best trial.
    public var fineWidth = 0.3
    /// Figure 4: k-fold cross-validation of the `crossValidated` best configurations.
    public var folds = 5
    public var crossValidated = 5
    /// Figure 5: an ensemble of the `ensemble` best configurations.
    public var ensemble = 5
    /// Seeds the data split, the folds, every configuration drawn and every net.
    public var seed: UInt64 = 0

    public init() {}

    /// The search's identity: 16 hex digits of FNV-1a (64 bits) over this configuration as the
    /// lab's canonical JSON (sorted keys, shortest round-trip numbers), the seed included. Every
    /// trial file carries it, so that a merge never mixes two searches.
    public var identity: String {
        let bytes = (try? JSONOutput.encoder().encode(self)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(format: "%016llx", hash)
    }

    /// The optimizer of a trial: SGD with momentum, learning rate `lr` and L2 weight decay `λ`.
    public func optimizer(learningRate lr: Double, weightDecay λ: Double) -> OptimizerConfiguration {
        OptimizerConfiguration(kind: .momentum(mu: momentum), learningRate: lr, options: OptimizerOptions(weightDecay: λ))
    }

    /// - Throws: `LabError` naming the first bad value.
    public func validate() throws {
        guard !hidden.isEmpty, hidden.allSatisfy({ (1...4096).contains($0) }) else {
            throw LabError("--hidden must be 1 to 4096 units a layer, e.g. 32 or 32,32; got \(hidden.map(String.init).joined(separator: ","))")
        }
        guard (1...10_000).contains(epochs) else { throw LabError("--epochs must be 1 to 10000, got \(epochs)") }
        guard batchSize >= 1 else { throw LabError("--batch-size must be at least 1, got \(batchSize)") }
        guard momentum.isFinite, (0..<1).contains(momentum) else { throw LabError("--momentum must be in [0, 1), got \(momentum)") }
        if let trainCount, !(10...2000).contains(trainCount) {
            throw LabError("--train-count must be 10 to 2000 digits, got \(trainCount)")
        }
        guard (2...10).contains(grid) else { throw LabError("--grid must be 2 to 10 values an axis, got \(grid)") }
        for (name, count) in [("--samples", samples), ("--coarse", coarse), ("--fine", fine)] where !(2...1000).contains(count) {
            throw LabError("\(name) must be 2 to 1000 trials, got \(count)")
        }
        try gridLearningRate.validate("grid learning-rate")
        try unimportantDecay.validate("unimportant weight-decay")
        try learningRate.validate("--lr")
        try weightDecay.validate("--weight-decay")
        guard fineWidth.isFinite, fineWidth > 0, fineWidth <= 1 else { throw LabError("fine width must be in (0, 1], got \(fineWidth)") }
        guard (2...20).contains(folds) else { throw LabError("--folds must be 2 to 20, got \(folds)") }
        let pool = coarse + fine
        guard (1...pool).contains(crossValidated) else {
            throw LabError("--cv-top must be 1 to \(pool) (the coarse and fine trials), got \(crossValidated)")
        }
        guard (2...pool).contains(ensemble) else {
            throw LabError("--ensemble must be 2 to \(pool) (the coarse and fine trials), got \(ensemble)")
        }
    }
}
