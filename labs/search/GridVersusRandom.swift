import Foundation

/// Figure 1: random search beats grid search when one parameter matters (Bergstra & Bengio 2012;
/// 001 deck). A `g × g` grid and `g²` random points over learning rate (important) × weight decay
/// in a range where it barely matters: the grid tries only `g` learning rates, each `g` times,
/// while the random points try `g²` different ones with the same budget.
public struct GridVersusRandom: Codable, Equatable, Sendable {
    public var grid: [TrialPoint]
    public var random: [TrialPoint]
    /// How many different learning rates (and weight decays) each method tried.
    public var gridDistinctLearningRates: Int
    public var randomDistinctLearningRates: Int
    public var gridDistinctWeightDecays: Int
    public var randomDistinctWeightDecays: Int
    public var gridBest: TrialPoint
    public var randomBest: TrialPoint
    /// The grid's marginal along each axis: the mean validation accuracy of its points at each
    /// learning rate (over the decays), and at each decay (over the learning rates).
    public var gridMarginalLearningRate: [Marginal]
    public var gridMarginalWeightDecay: [Marginal]
    /// The largest change of accuracy along the unimportant axis, at a fixed grid learning rate,
    /// against the largest change along the learning rate at a fixed decay.
    public var largestSpreadAlongWeightDecay: Double
    public var largestSpreadAlongLearningRate: Double

    public struct Marginal: Codable, Equatable, Sendable {
        public var value: Double
        public var meanValidationAccuracy: Double
    }

    init(grid: [TrialPoint], random: [TrialPoint]) {
        self.grid = grid
        self.random = random
        func distinct(_ values: [Double]) -> Int { Set(values).count }
        gridDistinctLearningRates = distinct(grid.map(\.learningRate))
        randomDistinctLearningRates = distinct(random.map(\.learningRate))
        gridDistinctWeightDecays = distinct(grid.map(\.weightDecay))
        randomDistinctWeightDecays = distinct(random.map(\.weightDecay))
        gridBest = TrialPoint.best(grid)
        randomBest = TrialPoint.best(random)
        func marginal(_ key: KeyPath<TrialPoint, Double>) -> [Marginal] {
            Array(Set(grid.map { $0[keyPath: key] })).sorted().map { v in
                let at = grid.filter { $0[keyPath: key] == v }.map(\.validationAccuracy)
                return Marginal(value: v, meanValidationAccuracy: at.reduce(0, +) / Double(at.count))
            }
        }
        gridMarginalLearningRate = marginal(\.learningRate)
        gridMarginalWeightDecay = marginal(\.weightDecay)
        func spread(along key: KeyPath<TrialPoint, Double>, fixing other: KeyPath<TrialPoint, Double>) -> Double {
            Set(grid.map { $0[keyPath: other] }).map { fixed in
                let accuracies = grid.filter { $0[keyPath: other] == fixed }.map(\.validationAccuracy)
                return accuracies.max()! - accuracies.min()!
            }.max() ?? 0
        }
        largestSpreadAlongWeightDecay = spread(along: \.weightDecay, fixing: \.learningRate)
        largestSpreadAlongLearningRate = spread(along: \.learningRate, fixing: \.weightDecay)
    }
}
