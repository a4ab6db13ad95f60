import Foundation

/// Figure 4: k-fold cross-validation of the best configurations against the single validation
/// split that chose them (001 deck). The folds' spread is how much one split's accuracy can move
/// by chance: configurations within it are not told apart by one split.
public struct CrossValidationStudy: Codable, Equatable, Sendable {
    public struct Configuration: Codable, Equatable, Sendable {
        /// The coarse or fine trial it comes from, and its rank there by validation accuracy (1 = best).
        public var source: Int
        public var singleSplitRank: Int
        public var learningRate: Double
        public var weightDecay: Double
        public var singleSplitAccuracy: Double
        /// Each held-out fold's accuracy, fold 0 first.
        public var foldAccuracies: [Double]
        public var mean: Double
        /// The sample standard deviation over the folds (k − 1 in the denominator).
        public var standardDeviation: Double
        /// Its rank by the folds' mean accuracy (1 = best).
        public var crossValidationRank: Int
    }

    public var folds: Int
    public var configurations: [Configuration]
    /// Whether cross-validation picks another configuration than the single split.
    public var rankingChanged: Bool
    /// The largest fold-to-fold spread (max − min) of any configuration, and the largest gap
    /// between the configurations' single-split accuracies.
    public var largestFoldSpread: Double
    public var singleSplitGap: Double
    /// The mean of (single-split accuracy − mean fold accuracy) over the configurations: the
    /// split that picked them flatters them, since being picked selects lucky scores too.
    public var singleSplitOptimism: Double

    init(folds: Int, sources: [TrialRecord], foldRecords: [[TrialRecord]]) {
        self.folds = folds
        var rows = zip(sources, foldRecords).enumerated().map { rank, pair -> Configuration in
            let accuracies = pair.1.sorted { ($0.trial.fold ?? 0) < ($1.trial.fold ?? 0) }.map(\.result.validationAccuracy)
            let mean = accuracies.reduce(0, +) / Double(accuracies.count)
            let variance = accuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(Swift.max(1, accuracies.count - 1))
            return Configuration(source: pair.0.trial.index, singleSplitRank: rank + 1, learningRate: pair.0.trial.learningRate,
                                 weightDecay: pair.0.trial.weightDecay, singleSplitAccuracy: pair.0.result.validationAccuracy,
                                 foldAccuracies: accuracies, mean: mean, standardDeviation: variance.squareRoot(),
                                 crossValidationRank: 0)
        }
        // Ties in the mean keep the single split's order.
        let order = rows.indices.sorted { rows[$0].mean != rows[$1].mean ? rows[$0].mean > rows[$1].mean : $0 < $1 }
        for (rank, i) in order.enumerated() { rows[i].crossValidationRank = rank + 1 }
        configurations = rows
        rankingChanged = order.first != 0
        largestFoldSpread = rows.map { $0.foldAccuracies.max()! - $0.foldAccuracies.min()! }.max() ?? 0
        let singles = rows.map(\.singleSplitAccuracy)
        singleSplitGap = (singles.max() ?? 0) - (singles.min() ?? 0)
        singleSplitOptimism = rows.map { $0.singleSplitAccuracy - $0.mean }.reduce(0, +) / Double(Swift.max(1, rows.count))
    }
}
