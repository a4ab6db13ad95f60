import NNEngine

/// Figure 5: an ensemble of the top-k configurations of the search against the best single one
/// (001 deck, "model ensembles": average the predicted class probabilities of the best few
/// models found by cross-validation). Each member is its configuration retrained with the
/// search's own seeds, so it is the net the search measured (`reproducesSearch`).
public struct TopEnsemble: Codable, Equatable, Sendable {
    public struct Member: Codable, Equatable, Sendable {
        public var source: Int
        public var learningRate: Double
        public var weightDecay: Double
        public var validationAccuracy: Double
        public var testAccuracy: Double
    }

    public var members: [Member]
    /// `ensembleAccuracy[k − 1]`: test accuracy of the average of the first k members' probabilities.
    public var ensembleAccuracy: [Double]
    /// The best single configuration (by validation) on the test digits, and the full ensemble's gain over it.
    public var bestSingleTestAccuracy: Double
    public var gain: Double
    /// The members' mean test accuracy alone: what averaging improves on.
    public var meanMemberTestAccuracy: Double
    public var testCount: Int
    /// The fraction of test digits that every member gets wrong: errors the members share (the
    /// deck's c) do not average out, so `1 − sharedErrorRate` bounds the ensemble's accuracy.
    public var sharedErrorRate: Double
    /// Whether every member's validation accuracy equals that of the trial it retrains.
    public var reproducesSearch: Bool

    init(members records: [TrialRecord], sources: [Int: TrialRecord], testLabels: [Int]) {
        members = records.map {
            Member(source: $0.trial.source ?? $0.trial.index, learningRate: $0.trial.learningRate, weightDecay: $0.trial.weightDecay,
                   validationAccuracy: $0.result.validationAccuracy, testAccuracy: $0.result.testAccuracy ?? .nan)
        }
        let n = testLabels.count
        var sum = [Double](repeating: 0, count: records.first?.result.testProbabilities?.count ?? 0)
        ensembleAccuracy = records.map { record in
            for (i, p) in (record.result.testProbabilities ?? []).enumerated() where i < sum.count { sum[i] += p }
            let classes = n > 0 ? sum.count / n : 0
            let predicted = (0..<n).map { row in
                (0..<classes).max { sum[row * classes + $0] < sum[row * classes + $1] } ?? 0
            }
            return Sequential.accuracy(predicted, testLabels)
        }
        bestSingleTestAccuracy = members.first?.testAccuracy ?? .nan
        gain = (ensembleAccuracy.last ?? .nan) - bestSingleTestAccuracy
        testCount = n
        let predictions = records.map { record -> [Int] in
            let p = record.result.testProbabilities ?? []
            let classes = n > 0 ? p.count / n : 0
            return (0..<n).map { row in (0..<classes).max { p[row * classes + $0] < p[row * classes + $1] } ?? -1 }
        }
        let shared = (0..<n).filter { i in predictions.allSatisfy { $0[i] != testLabels[i] } }.count
        sharedErrorRate = n > 0 ? Double(shared) / Double(n) : 0
        meanMemberTestAccuracy = members.map(\.testAccuracy).reduce(0, +) / Double(Swift.max(1, members.count))
        reproducesSearch = records.allSatisfy { sources[$0.trial.source ?? -1]?.result.validationAccuracy == $0.result.validationAccuracy }
    }
}
