import Foundation

/// Figure 3: coarse-to-fine search (001 deck). A wide log-uniform stage, then a stage `fineWidth`
/// as wide around the best coarse trial; the map interpolates every trial's validation accuracy.
/// When the best coarse value lies in the outer tenth (in decades) of its range, the optimum may
/// lie outside it: the lecture's warning, "the best lr is at the edge of the range: widen it".
public struct CoarseToFine: Codable, Equatable, Sendable {
    public var coarseLearningRate: LogRange
    public var coarseWeightDecay: LogRange
    public var fineRegion: FineRegion
    public var coarse: [TrialPoint]
    public var fine: [TrialPoint]
    public var coarseBest: TrialPoint
    public var fineBest: TrialPoint
    /// Where the best coarse trial lies in each range, 0 at the low end and 1 at the high end (log).
    public var bestLearningRatePosition: Double
    public var bestWeightDecayPosition: Double
    /// The warnings, e.g. "the best lr 0.0912 is at the top edge of [0.0001, 0.1]: widen the range"; empty if none.
    public var edgeWarnings: [String]
    /// The map's extent: the coarse ranges widened to hold the fine region.
    public var mapLearningRate: LogRange
    public var mapWeightDecay: LogRange
    public var map: InterpolatedMap

    /// The outer fraction of a range (in decades) that counts as its edge.
    static let edgeFraction = 0.1

    init(coarseLearningRate: LogRange, coarseWeightDecay: LogRange, region: FineRegion,
         coarse: [TrialPoint], fine: [TrialPoint], resolution: Int = 60) {
        self.coarseLearningRate = coarseLearningRate
        self.coarseWeightDecay = coarseWeightDecay
        fineRegion = region
        self.coarse = coarse
        self.fine = fine
        coarseBest = TrialPoint.best(coarse)
        fineBest = TrialPoint.best(fine)
        bestLearningRatePosition = coarseLearningRate.logPosition(coarseBest.learningRate)
        bestWeightDecayPosition = coarseWeightDecay.logPosition(coarseBest.weightDecay)
        var warnings: [String] = []
        for (name, option, v, position, range) in [
            ("learning rate", "lr", coarseBest.learningRate, bestLearningRatePosition, coarseLearningRate),
            ("weight decay", "weight-decay", coarseBest.weightDecay, bestWeightDecayPosition, coarseWeightDecay),
        ] {
            if position >= 1 - Self.edgeFraction || position <= Self.edgeFraction {
                let edge = position > 0.5 ? "top" : "bottom"
                warnings.append("the best \(name) \(LogRange.short(v)) is at the \(edge) edge of \(range): widen the range (--\(option))")
            }
        }
        edgeWarnings = warnings
        func union(_ a: LogRange, _ b: LogRange) -> LogRange { LogRange(Swift.min(a.low, b.low), Swift.max(a.high, b.high)) }
        mapLearningRate = union(coarseLearningRate, region.learningRate)
        mapWeightDecay = union(coarseWeightDecay, region.weightDecay)
        map = InterpolatedMap(points: coarse + fine, learningRate: mapLearningRate, weightDecay: mapWeightDecay,
                              resolution: resolution)
    }
}
