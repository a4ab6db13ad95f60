import Foundation
import NNEngine

/// Figure 3: deep saturating nets on the digits, without and with batch norm. Every net is
/// planned first, in a fixed order, with seeds drawn from the lab's `job seeds` stream (a pair
/// with and without batch norm shares its seeds), then all are trained on all cores.
public struct BatchNormStudy: Codable, Sendable {
    /// Convergence at the main learning rate: without, then with batch norm.
    public var convergence: [NetCurve]
    public var sweep: LearningRateSweep
    /// One curve per initialization scheme, without then with batch norm.
    public var initialization: [NetCurve]
    /// The convergence nets' activations at epoch 0 and at each snapshot.
    public var activations: [ActivationSnapshot]
    /// The convergence batch-norm net (its best-validation epoch) at test time.
    public var statistics: StatisticsGap
    public var trainedNets: Int

    static func run(_ c: NormalizeLabConfiguration, data: DatasetSplit, seeds: inout RandomStream, evaluationOrder: RandomStream,
                    progress: ((String) -> Void)?) throws -> BatchNormStudy {
        var jobs: [BatchNormJob] = []
        func pair(_ role: BatchNormJob.Role, scheme: DeepNet.InitScheme, lr: Double, epochs: Int) {
            let initSeed = seeds.next(), trainingSeed = seeds.next()
            for bn in [false, true] {
                jobs.append(BatchNormJob(role: role, net: DeepNet(depth: c.depth, width: c.width, activation: c.activation, batchNorm: bn, scheme: scheme),
                                         learningRate: lr, epochs: epochs, initSeed: initSeed, trainingSeed: trainingSeed))
            }
        }
        pair(.convergence, scheme: .xavier, lr: c.learningRate, epochs: c.epochs)
        for lr in c.sweepRates { pair(.sweep, scheme: .xavier, lr: lr, epochs: c.sweepEpochs) }
        for scheme in DeepNet.InitScheme.allCases { pair(.initialization, scheme: scheme, lr: c.learningRate, epochs: c.sweepEpochs) }

        let interval = Swift.max(1, c.epochs / 3)
        let lock = NSLock()
        var finished = 0
        progress?("training \(jobs.count) deep nets on \(Parallel.coreCount) cores")
        let results = try Parallel.map(jobs.count) { i -> Trainer.Result in
            let result = try jobs[i].run(on: data, configuration: c, snapshotInterval: jobs[i].role == .convergence ? interval : nil)
            lock.lock()
            finished += 1
            progress?("trained \(finished) of \(jobs.count) deep nets")
            lock.unlock()
            return result
        }
        func curves(_ role: BatchNormJob.Role) -> [NetCurve] {
            jobs.indices.filter { jobs[$0].role == role }.map {
                NetCurve(batchNorm: jobs[$0].net.batchNorm, scheme: jobs[$0].net.scheme, learningRate: jobs[$0].learningRate,
                         history: results[$0].history)
            }
        }
        let sweepCurves = curves(.sweep)
        let plain = sweepCurves.filter { !$0.batchNorm }, normalized = sweepCurves.filter(\.batchNorm)
        let sweep = LearningRateSweep(rates: c.sweepRates, plain: plain, batchNorm: normalized, targetAccuracy: c.targetAccuracy,
                                      highestTolerated: LearningRateSweep.highest(plain, target: c.targetAccuracy),
                                      highestToleratedWithBatchNorm: LearningRateSweep.highest(normalized, target: c.targetAccuracy))

        progress?("measuring activations and test-time statistics")
        let convergenceIndices = jobs.indices.filter { jobs[$0].role == .convergence }
        var activations: [ActivationSnapshot] = []
        for i in convergenceIndices {
            let initial = jobs[i].net.model(inputs: data.train.featureCount, classes: data.train.classCount, seed: jobs[i].initSeed)
            let models = [(0, initial)] + results[i].snapshots
            for (epoch, model) in models {
                activations.append(ActivationSnapshot(batchNorm: jobs[i].net.batchNorm, epoch: epoch,
                                                      activations: DeepNet.hiddenActivations(model, data.validation.features),
                                                      activation: c.activation))
            }
        }
        let bnIndex = convergenceIndices.first { jobs[$0].net.batchNorm }!
        let statistics = Self.statisticsGap(results[bnIndex].model, data: data, batchSize: c.batchSize, order: evaluationOrder)
        return BatchNormStudy(convergence: curves(.convergence), sweep: sweep, initialization: curves(.initialization),
                              activations: activations, statistics: statistics, trainedNets: jobs.count)
    }

    /// Evaluation batch sizes of the test-time comparison.
    static let evaluationBatchSizes = [2, 4, 8, 16, 32, 64, 128]

    /// The batch-norm `model` on the validation digits: inference mode against training mode in
    /// batches, and its running estimates against the population statistics on the training digits.
    static func statisticsGap(_ model: Sequential, data: DatasetSplit, batchSize: Int, order stream: RandomStream) -> StatisticsGap {
        let validation = data.validation
        var shuffle = stream
        var order = Array(0..<validation.count)
        order.shuffle(using: &shuffle)
        func trainModeAccuracy(batchSize: Int) -> Double {
            var starts = Array(stride(from: 0, to: order.count, by: batchSize))
            // Batch norm's training mode needs B ≥ 2: a last batch of one joins the previous one.
            if order.count - starts.last! < 2 && starts.count > 1 { starts.removeLast() }
            var correct = 0
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1] : order.count
                let batch = validation.subset(Array(order[start..<end]))
                var copy = model
                var unused = RandomStream(seed: 0)
                let scores = copy.forward(batch.features, mode: .training, using: &unused).output
                correct += zip(Sequential.argmaxRows(scores), batch.labels).filter { $0 == $1 }.count
            }
            return Double(correct) / Double(order.count)
        }
        // Running against population statistics, layer by layer, on the training digits.
        var ratios: [Double] = [], offsets: [Double] = []
        var h = data.train.features
        for layer in model.layers {
            if case .batchNorm(let bn) = layer {
                let n = Double(h.shape[0])
                let mean = h.columnSums * (1 / n)
                let centred = h.broadcastOverRows(mean, -)
                let variance = (centred * centred).columnSums * (1 / n)
                let d = mean.count
                ratios.append((0..<d).map { bn.runningVariance.scalars[$0] / Swift.max(variance.scalars[$0], 1e-12) }.reduce(0, +) / Double(d))
                offsets.append((0..<d).map { abs(bn.runningMean.scalars[$0] - mean.scalars[$0]) / Swift.max(variance.scalars[$0], 1e-12).squareRoot() }
                    .reduce(0, +) / Double(d))
            }
            h = layer.inference(h)
        }
        let deck = deckEstimate(model, train: data.train, batchSize: batchSize)
        var deckRatios: [Double] = []
        var populationInput = data.train.features
        for (i, layer) in model.layers.enumerated() {
            if case .batchNorm(let estimated) = deck.layers[i] {
                let variance = PrincipalAxes.covariance(populationInput)
                let d = estimated.runningVariance.count
                deckRatios.append((0..<d).map { estimated.runningVariance.scalars[$0] / Swift.max(variance[$0, $0], 1e-12) }.reduce(0, +) / Double(d))
            }
            populationInput = layer.inference(populationInput)
        }
        return StatisticsGap(inferenceAccuracy: model.accuracy(on: validation), deckEstimateAccuracy: deck.accuracy(on: validation),
                             deckVarianceRatio: deckRatios, batchSizes: evaluationBatchSizes,
                             trainModeAccuracy: evaluationBatchSizes.map(trainModeAccuracy),
                             wholeSetTrainModeAccuracy: trainModeAccuracy(batchSize: validation.count),
                             runningVarianceRatio: ratios, runningMeanOffset: offsets)
    }

    /// The 004 deck's inference statistics: the final network's batch means and (biased) batch
    /// variances averaged over every full training minibatch of `batchSize` (in data order),
    /// the variance times B/(B−1): `μ_BN = mean_b μ_B`, `σ²_BN = B/(B−1) · mean_b σ²_B`. Returns
    /// `model` with these in place of its running estimates.
    static func deckEstimate(_ model: Sequential, train: Dataset, batchSize: Int) -> Sequential {
        var sums: [Int: (mean: Tensor, variance: Tensor)] = [:]
        var batches = 0
        var unused = RandomStream(seed: 0)
        for start in stride(from: 0, through: train.count - batchSize, by: batchSize) {
            var copy = model
            var h = train.subset(Array(start..<(start + batchSize))).features
            for i in copy.layers.indices {
                if case .batchNorm = copy.layers[i] {
                    let b = Double(batchSize)
                    let mean = h.columnSums * (1 / b)
                    let centred = h.broadcastOverRows(mean, -)
                    let variance = (centred * centred).columnSums * (1 / b)
                    let old = sums[i]
                    sums[i] = (old.map { $0.mean + mean } ?? mean, old.map { $0.variance + variance } ?? variance)
                }
                h = copy.layers[i].forward(h, mode: .training, using: &unused).output
            }
            batches += 1
        }
        var estimated = model
        guard batches > 0 else { return estimated }
        let b = Double(batchSize), n = Double(batches)
        for (i, sum) in sums {
            guard case .batchNorm(var layer) = estimated.layers[i] else { continue }
            layer.runningMean = sum.mean * (1 / n)
            layer.runningVariance = sum.variance * (b / ((b - 1) * n))
            estimated.layers[i] = .batchNorm(layer)
        }
        return estimated
    }
}
