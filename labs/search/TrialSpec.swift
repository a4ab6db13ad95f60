import NNEngine

/// One trial of a search: what to train, fully determined by the search's seed, the trial's
/// index and (for stages 2 and 3) the results of the earlier stages.
public struct TrialSpec: Codable, Equatable, Sendable {
    /// The trial's place in the whole search, 0-based; shards take `index mod N`.
    public var index: Int
    public var kind: TrialKind
    public var learningRate: Double
    public var weightDecay: Double
    /// Cross-validation: the held-out fold, 0-based; nil for the single split.
    public var fold: Int?
    /// Cross-validation and ensemble: the trial whose configuration (and, for the ensemble, whose
    /// seeds) this one reuses.
    public var source: Int?
    /// Seeds the weights (`initialization` stream of this seed) and the shuffles (see `Trainer`).
    public var initSeed: UInt64
    public var trainingSeed: UInt64
}

extension StreamKey {
    /// Everything random about trial `i`: its configuration (`sample`) and its nets' seeds (`seeds`).
    static func trial(_ i: Int) -> StreamKey { StreamKey("trial", index: i) }
    /// A trial's drawn hyperparameters.
    static let sample = StreamKey("sample")
    /// A trial's two net seeds.
    static let seeds = StreamKey("seeds")
    /// The two net seeds shared by every trial of figure 1 (see `TrialPlan.spec`).
    static let gridSeeds = StreamKey("grid seeds")
    /// The assignment of the pooled training and validation digits to cross-validation folds.
    static let folds = StreamKey("folds")
}
