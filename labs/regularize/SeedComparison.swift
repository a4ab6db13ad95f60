import Foundation
import NNEngine

/// Figure 4c and 4d's comparisons: the same nets (same initializations and shuffles, seed by
/// seed) trained with and without a regularizer, on validation accuracy.
public struct SeedComparison: Codable, Equatable, Sendable {
    public struct Variant: Codable, Equatable, Sendable {
        public var name: String
        /// Validation and test accuracy at the end of training, one per seed.
        public var validationAccuracy: [Double]
        public var testAccuracy: [Double]
        public var meanValidation: Double
        /// The sample standard deviation over seeds.
        public var spread: Double
        /// The mean of (this − baseline) over seeds, paired by seed, and its standard error s/√S.
        public var pairedGain: Double
        public var pairedStandardError: Double
        /// Minibatch steps each net took.
        public var steps: Int
    }

    public var variants: [Variant]

    static func make(_ named: [(name: String, runs: [Trainer.Result])], digits: DigitsData) -> SeedComparison {
        func finalModel(_ r: Trainer.Result) -> Sequential { r.history.outcome.isFinite ? r.finalModel : r.model }
        let validation = named.map { $0.runs.map { finalModel($0).accuracy(on: digits.split.validation) } }
        let base = validation[0]
        return SeedComparison(variants: named.enumerated().map { v, entry in
            let accuracies = validation[v]
            let gains = zip(accuracies, base).map { $0 - $1 }
            return Variant(name: entry.name, validationAccuracy: accuracies,
                           testAccuracy: entry.runs.map { finalModel($0).accuracy(on: digits.split.test) },
                           meanValidation: mean(accuracies), spread: standardDeviation(accuracies), pairedGain: mean(gains),
                           pairedStandardError: standardDeviation(gains) / Double(gains.count).squareRoot(),
                           steps: entry.runs[0].history.steps)
        })
    }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
    static func standardDeviation(_ v: [Double]) -> Double {
        guard v.count > 1 else { return 0 }
        let m = mean(v)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
    }
}

/// Figure 4c: confidence with and without label smoothing, on the test digits.
public struct SmoothingStudy: Codable, Equatable, Sendable {
    public struct Side: Codable, Equatable, Sendable {
        public var epsilon: Double
        /// The largest softmax probability per test digit, binned on [0, 1] (every seed pooled).
        public var confidence: Histogram
        public var meanConfidence: Double
        /// The mean confidence on the test digits the net gets wrong.
        public var meanConfidenceWhenWrong: Double?
        /// Test cross-entropy against the one-hot labels (no smoothing), averaged over seeds.
        public var testLoss: Double
        /// ‖W‖₂ over the weight matrices, averaged over seeds: without smoothing it keeps growing.
        public var weightNorm: Double
        /// The confidence the smoothed loss is minimized at, 1 − ε.
        public var optimalConfidence: Double
    }

    public var sides: [Side]
    public var accuracy: SeedComparison

    static func make(epsilon: Double, plain: [Trainer.Result], smoothed: [Trainer.Result], digits: DigitsData) -> SmoothingStudy {
        let test = digits.split.test
        let sides = [(0.0, plain), (epsilon, smoothed)].map { eps, runs -> Side in
            var confidences: [Double] = [], wrong: [Double] = []
            var loss = 0.0, norm = 0.0
            for run in runs {
                let model = run.history.outcome.isFinite ? run.finalModel : run.model
                let scores = model.predict(test.features)
                let p = Sequential.softmax(scores)
                for i in 0..<test.count {
                    let row = p.row(i).scalars
                    let top = row.indices.max { row[$0] < row[$1] }!
                    confidences.append(row[top])
                    if top != test.labels[i] { wrong.append(row[top]) }
                }
                loss += Loss.softmaxCrossEntropy(scores, labels: test.labels).value / Double(runs.count)
                let weights = zip(model.parameters, model.parameterKinds).filter { $0.1 == .weight }.map(\.0)
                norm += weights.reduce(0) { $0 + $1.scalars.reduce(0) { $0 + $1 * $1 } }.squareRoot() / Double(runs.count)
            }
            return Side(epsilon: eps, confidence: Histogram(confidences, bins: 20, lower: 0, upper: 1),
                        meanConfidence: SeedComparison.mean(confidences),
                        meanConfidenceWhenWrong: wrong.isEmpty ? nil : SeedComparison.mean(wrong), testLoss: loss, weightNorm: norm,
                        optimalConfidence: LabelSmoothing(eps).optimalConfidence)
        }
        return SmoothingStudy(sides: sides, accuracy: .make([("no smoothing", plain), ("label smoothing ε = \(epsilon)", smoothed)], digits: digits))
    }
}
