import Foundation

/// Where the fine stage searches: a box in log coordinates centred on the best coarse trial,
/// `fineWidth` of the coarse range's decades wide on each axis. It is not clipped to the coarse
/// range: when the best trial sits at an edge, the fine stage reaches past it, which is the
/// lecture's advice ("the best lr is at the edge of the range: widen it").
public struct FineRegion: Codable, Equatable, Sendable {
    public var learningRate: LogRange
    public var weightDecay: LogRange
    /// The coarse trial it is centred on.
    public var centre: Int

    /// The region around `best` for configuration `c`.
    init(around best: TrialSpec, _ c: SearchConfiguration) {
        func box(_ v: Double, _ range: LogRange) -> LogRange {
            let half = c.fineWidth * range.decades / 2
            let logV = log10(v)
            return LogRange(pow(10, logV - half), pow(10, logV + half))
        }
        learningRate = box(best.learningRate, c.learningRate)
        weightDecay = box(best.weightDecay, c.weightDecay)
        centre = best.index
    }
}
