import NNEngine

/// Figure 5: model ensembles (000 and 001 decks). Test accuracy against ensemble size, averaging
/// the predicted probability distributions before the argmax, for
/// - N independently initialized nets ("same model, different initializations");
/// - checkpoints of one run ("different checkpoints of a single model"), the latest k;
/// - and, as one model, the running average of that run's parameters.
///
/// The lab runs it twice on the same test digits: members trained on the main 200 digits, and on
/// a 50-digit subset, where single nets are weaker and disagree more.
public struct EnsembleStudy: Codable, Equatable, Sendable {
    public struct Member: Codable, Equatable, Sendable {
        public var initSeed: UInt64
        public var trainingSeed: UInt64
        public var bestEpoch: Int
        public var testAccuracy: Double
    }

    /// Training examples of every member.
    public var trainCount: Int
    public var members: [Member]
    /// `accuracy[k − 1]`: the ensemble of the first k independent nets.
    public var independentAccuracy: [Double]
    /// The epochs of the checkpoints of member 0's run, oldest first.
    public var checkpointEpochs: [Int]
    /// `checkpointAccuracy[k − 1]`: the ensemble of the latest k checkpoints.
    public var checkpointAccuracy: [Double]
    /// Member 0's running parameter average (decay `TrainingJob.averagingDecay`) as one model.
    public var runningAverageAccuracy: Double
    public var averagingDecay: Double
    /// The mean single-net test accuracy and the full ensemble's gain over it.
    public var meanSingleAccuracy: Double
    public var ensembleGain: Double
    /// The fraction of test examples that every member gets wrong. Averaging fixes one of those
    /// only when the right class, second everywhere, comes out on top of the averaged
    /// probabilities, which is rare; so `(1 − meanSingleAccuracy) − sharedErrorRate` roughly
    /// bounds the ensemble's gain. It is the cook book's variance argument,
    /// `E[(1/k Σ εᵢ)²] = v/k + (k−1)/k · c`: errors the members share (c) do not average out.
    public var sharedErrorRate: Double
    /// The gain of each independent ensemble of the same size on the same training set and test
    /// digits, this one first; each member has its own init and training seeds.
    public var repeatGains: [Double]
    /// The mean single-net accuracy of each of those ensembles, in the same order.
    public var repeatSingleAccuracies: [Double]

    /// The mean gain over the repeats and the half-width of its 95% t-interval (0 for one).
    public var gainOverRepeats: (mean: Double, halfWidth: Double) {
        let n = Double(repeatGains.count)
        let mean = repeatGains.reduce(0, +) / n
        guard repeatGains.count > 1 else { return (mean, 0) }
        let variance = repeatGains.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, Self.studentT975(degreesOfFreedom: repeatGains.count - 1) * (variance / n).squareRoot())
    }

    /// The 97.5% quantile of Student's t with `df` degrees of freedom (two-sided 95%), from
    /// the standard table; 1.96 (the normal's) beyond 30.
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        return df >= 1 && df <= table.count ? table[df - 1] : 1.96
    }

    /// The accuracy of the mean of the members' class probabilities, `argmax (1/k) Σ pₘ(x)`.
    static func accuracy(ofAverage probabilities: ArraySlice<Tensor>, labels: [Int]) -> Double {
        var sum = probabilities.first!
        for p in probabilities.dropFirst() { sum.add(p, scaledBy: 1) }
        return Sequential.accuracy(Sequential.argmaxRows(sum), labels)
    }

    /// The mean single-net accuracy of `nets` and the gain of their ensemble over it.
    static func gain(_ nets: [TrainedNet], test: Dataset) -> (single: Double, gain: Double) {
        let probabilities = nets.map { $0.model.probabilities(test.features) }
        let single = probabilities.map { Sequential.accuracy(Sequential.argmaxRows($0), test.labels) }.reduce(0, +) / Double(nets.count)
        return (single, accuracy(ofAverage: probabilities[...], labels: test.labels) - single)
    }

    /// `nets` trained on `trainCount` examples, the first with checkpoints and a running average;
    /// `repeats` are further independent ensembles of the same size, for the gain's spread.
    static func run(_ nets: [TrainedNet], trainCount: Int, test: Dataset, repeats: [[TrainedNet]] = []) -> EnsembleStudy {
        let probabilities = nets.map { $0.model.probabilities(test.features) }
        let independent = (1...nets.count).map { accuracy(ofAverage: probabilities.prefix($0), labels: test.labels) }
        let members = zip(nets, probabilities).map { net, p in
            Member(initSeed: net.job.initSeed, trainingSeed: net.job.trainingSeed, bestEpoch: net.result.history.bestEpoch,
                   testAccuracy: Sequential.accuracy(Sequential.argmaxRows(p), test.labels))
        }
        let snapshots = nets[0].result.snapshots
        let snapshotProbabilities = snapshots.map { $0.model.probabilities(test.features) }
        let checkpoint = snapshots.isEmpty ? [] : (1...snapshots.count).map {
            accuracy(ofAverage: snapshotProbabilities.suffix($0), labels: test.labels)
        }
        let averaged = nets[0].result.averagedModel.map { $0.accuracy(on: test) } ?? .nan
        let meanSingle = members.map(\.testAccuracy).reduce(0, +) / Double(members.count)
        let predictions = probabilities.map(Sequential.argmaxRows)
        let shared = test.labels.indices.filter { i in predictions.allSatisfy { $0[i] != test.labels[i] } }.count
        let others = repeats.map { gain($0, test: test) }
        return EnsembleStudy(trainCount: trainCount, members: members, independentAccuracy: independent, checkpointEpochs: snapshots.map(\.epoch),
                             checkpointAccuracy: checkpoint, runningAverageAccuracy: averaged,
                             averagingDecay: TrainingJob.averagingDecay, meanSingleAccuracy: meanSingle,
                             ensembleGain: independent.last! - meanSingle,
                             sharedErrorRate: Double(shared) / Double(test.count),
                             repeatGains: [independent.last! - meanSingle] + others.map(\.gain),
                             repeatSingleAccuracies: [meanSingle] + others.map(\.single))
    }
}
