import Foundation

/// Everything the figures show, computed from the trial files alone (so a merge of shards and a
/// one-machine run give the same values).
public struct SearchResult: Sendable {
    public var configuration: SearchConfiguration
    public var identity: String
    public var data: String
    public var trialCount: Int
    public var divergedCount: Int
    public var gridVersusRandom: GridVersusRandom
    public var sampling: SamplingComparison
    public var coarseToFine: CoarseToFine
    public var crossValidation: CrossValidationStudy
    public var ensemble: TopEnsemble
    /// Every trial file, by index (to copy into the output folder).
    public var files: [Int: URL]
}
