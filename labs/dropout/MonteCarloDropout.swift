import NNEngine

/// Figure 4: dropout as an ensemble. Each training-mode pass samples one sub-network (one mask);
/// averaging the class probabilities of K passes is a Monte Carlo estimate of the ensemble
/// `E_z[softmax f(x, z)]` (Gal & Ghahramani 2016). The deterministic weight-scaled pass computes
/// `softmax f(x, E z)` instead: equal for a linear net, only approximately equal through ReLUs
/// and the softmax, so the agreement of the two argmaxes approaches but need not reach 100%.
public struct MonteCarloDropout: Codable, Equatable, Sendable {
    public struct Point: Codable, Equatable, Sendable {
        /// Number of stochastic passes averaged.
        public var passes: Int
        public var accuracy: Double
        /// Fraction of test examples whose MC argmax equals the weight-scaled argmax.
        public var agreement: Double
        /// Mean over examples of `max_c |p̄_c − p_c|` against the weight-scaled probabilities.
        public var meanProbabilityDifference: Double
    }

    /// p of the hidden units, and of the inputs (1: no input dropout).
    public var keep: Double
    public var inputKeep: Double
    public var maskSeed: UInt64
    public var testCount: Int
    public var deterministicAccuracy: Double
    public var points: [Point]
    /// Test examples on which the K = max average still disagrees with the weight-scaled pass, with
    /// the weight-scaled top-two probability margin of each (small margins: near the boundary).
    public var disagreeingExamples: [Int]
    public var disagreeingMargins: [Double]
    /// The median top-two margin over all test examples, for comparison.
    public var medianMargin: Double

    /// K = 1, 2, 5, 10, 20, 50, … up to `maxPasses`, always ending at `maxPasses`.
    static func checkpoints(upTo maxPasses: Int) -> [Int] {
        var ks: [Int] = []
        var decade = 1
        while decade <= maxPasses {
            for m in [1, 2, 5] where m * decade <= maxPasses { ks.append(m * decade) }
            decade *= 10
        }
        if ks.last != maxPasses { ks.append(maxPasses) }
        return ks
    }

    /// Passes computed in parallel before they are added up: enough to keep every core busy.
    static let passesAtOnce = 64

    /// Runs `maxPasses` stochastic passes of `model` over `test` (in parallel, each pass with its
    /// own keyed mask stream) and evaluates the running average at every checkpoint.
    ///
    /// The passes run `passesAtOnce` at a time and are added in order, so memory stays at that
    /// many [test, C] probability tensors whatever `maxPasses` is (all 100 000 at once took 2.9 GB
    /// on the digits), and the sums, added in the same order, are the same.
    static func run(_ model: Sequential, keep: Double, inputKeep: Double, test: Dataset, maxPasses: Int, maskSeed: UInt64) throws -> MonteCarloDropout {
        let root = RandomStream(seed: maskSeed)
        func passes(_ range: Range<Int>) throws -> [Tensor] {
            try Parallel.map(range.count) { i -> Tensor in
                var copy = model
                var g = root.stream(.sample(range.lowerBound + i))
                return Sequential.softmax(copy.forward(test.features, mode: .training, using: &g).output)
            }
        }
        let deterministic = model.probabilities(test.features)
        let deterministicLabels = Sequential.argmaxRows(deterministic)
        let (n, c) = (test.count, test.classCount)
        var sum = Tensor(zeros: deterministic.shape)
        var points: [Point] = []
        var lastLabels: [Int] = []
        let wanted = Set(checkpoints(upTo: maxPasses))
        var chunk: [Tensor] = [], chunkStart = 0
        for k in 0..<maxPasses {
            if k == chunkStart + chunk.count {
                chunkStart = k
                chunk = try passes(k..<Swift.min(k + Self.passesAtOnce, maxPasses))
            }
            sum.add(chunk[k - chunkStart], scaledBy: 1)
            guard wanted.contains(k + 1) else { continue }
            let mean = sum * (1 / Double(k + 1))
            let labels = Sequential.argmaxRows(mean)
            var difference = 0.0
            for i in 0..<n {
                var worst = 0.0
                for j in 0..<c { worst = Swift.max(worst, abs(mean[i, j] - deterministic[i, j])) }
                difference += worst
            }
            points.append(Point(passes: k + 1, accuracy: Sequential.accuracy(labels, test.labels),
                                agreement: Sequential.accuracy(labels, deterministicLabels),
                                meanProbabilityDifference: difference / Double(n)))
            lastLabels = labels
        }
        let margins = (0..<n).map { i -> Double in
            let sorted = deterministic.row(i).scalars.sorted(by: >)
            return sorted[0] - (sorted.count > 1 ? sorted[1] : 0)
        }
        let disagreeing = (0..<n).filter { lastLabels[$0] != deterministicLabels[$0] }
        return MonteCarloDropout(keep: keep, inputKeep: inputKeep, maskSeed: maskSeed, testCount: n,
                                 deterministicAccuracy: Sequential.accuracy(deterministicLabels, test.labels),
                                 points: points, disagreeingExamples: disagreeing,
                                 disagreeingMargins: disagreeing.map { margins[$0] },
                                 medianMargin: Tensor(margins).percentile(50))
    }
}
