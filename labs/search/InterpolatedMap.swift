import Foundation

/// Validation accuracy over the log learning rate × log weight decay plane, interpolated from the
/// trials by inverse-distance weighting (Shepard 1968): `â(x) = Σᵢ wᵢ aᵢ / Σᵢ wᵢ` with
/// `wᵢ = 1 / dᵢ²`, `dᵢ` the distance from `x` to trial i in log coordinates, each axis divided by
/// the map's width in decades so that neither axis dominates. Exact at every trial, it invents no
/// peak between trials: the map shows what the trials measured, not a model of it.
public struct InterpolatedMap: Codable, Equatable, Sendable {
    /// The cell centres, `log₁₀ lr` [nx] and `log₁₀ λ` [ny].
    public var logLearningRates: [Double]
    public var logWeightDecays: [Double]
    /// `accuracy[j][i]` at (`logLearningRates[i]`, `logWeightDecays[j]`).
    public var accuracy: [[Double]]

    init(points: [TrialPoint], learningRate: LogRange, weightDecay: LogRange, resolution: Int) {
        func axis(_ r: LogRange) -> [Double] {
            (0..<resolution).map { r.logLow + (Double($0) + 0.5) * r.decades / Double(resolution) }
        }
        let xs = axis(learningRate), ys = axis(weightDecay)
        logLearningRates = xs
        logWeightDecays = ys
        let (sx, sy) = (1 / learningRate.decades, 1 / weightDecay.decades)
        let known = points.filter { $0.validationAccuracy.isFinite }
            .map { (x: log10($0.learningRate) * sx, y: log10($0.weightDecay) * sy, a: $0.validationAccuracy) }
        accuracy = ys.map { ly in
            xs.map { lx in
                var (sum, weights) = (0.0, 0.0)
                for p in known {
                    let d2 = (lx * sx - p.x) * (lx * sx - p.x) + (ly * sy - p.y) * (ly * sy - p.y)
                    if d2 < 1e-18 { return p.a }
                    sum += p.a / d2
                    weights += 1 / d2
                }
                return weights > 0 ? sum / weights : .nan
            }
        }
    }
}
