import Foundation

/// Figure 2: log-uniform against uniform sampling of learning rate and weight decay with the
/// same budget (001 deck: "sample in log space"). Uniform sampling of a range spanning decades
/// puts ~90% of its samples in the top decade; log-uniform spreads them evenly over the decades.
public struct SamplingComparison: Codable, Equatable, Sendable {
    public var learningRate: LogRange
    public var weightDecay: LogRange
    public var logUniform: [TrialPoint]
    public var uniform: [TrialPoint]
    /// Samples per decade of the learning-rate range (lowest decade first), for each method.
    public var logUniformPerDecade: [Int]
    public var uniformPerDecade: [Int]
    public var logUniformBest: TrialPoint
    public var uniformBest: TrialPoint

    init(learningRate: LogRange, weightDecay: LogRange, logUniform: [TrialPoint], uniform: [TrialPoint]) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.logUniform = logUniform
        self.uniform = uniform
        let decades = Swift.max(1, Int(learningRate.decades.rounded(.up)))
        func perDecade(_ points: [TrialPoint]) -> [Int] {
            points.reduce(into: [Int](repeating: 0, count: decades)) { counts, p in
                let d = Int((log10(p.learningRate) - learningRate.logLow).rounded(.down))
                counts[Swift.min(decades - 1, Swift.max(0, d))] += 1
            }
        }
        logUniformPerDecade = perDecade(logUniform)
        uniformPerDecade = perDecade(uniform)
        logUniformBest = TrialPoint.best(logUniform)
        uniformBest = TrialPoint.best(uniform)
    }
}
