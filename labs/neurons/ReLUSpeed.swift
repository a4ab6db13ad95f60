import Foundation
import NNEngine

/// Figure 5 (000 and 001 decks): "ReLU converges much faster than sigmoid/tanh in practice (e.g.
/// 6x)" (Krizhevsky et al. 2012 measured it against tanh on CIFAR-10 with a 4-layer conv net),
/// measured here as epochs of plain SGD to a target training loss for the same deep MLP with
/// ReLU, tanh or sigmoid on the spiral,
/// over several seeds; and "ReLU units do not learn if activation becomes zero": the fraction of
/// first-layer units that output 0 on every training point after training at each learning rate.
public struct ReLUSpeedResult: Codable, Sendable {
    public struct Run: Codable, Sendable {
        public var activation: String
        public var seed: Int
        public var trainLoss: [Double]
        /// The first epoch whose training loss is at most the target, or nil if none is.
        public var epochsToTarget: Int?
        /// "completed N steps", or where the loss became NaN or ∞ (the curve ends there).
        public var outcome: String
        public var diverged: Bool
    }

    public struct DeadPoint: Codable, Sendable {
        public var learningRate: Double
        /// Per seed: the fraction of dead first-layer units after training (nil if it diverged).
        public var deadFractions: [Double?]
        public var meanDeadFraction: Double?
        public var divergedRuns: Int
        /// The mean final training loss of the runs that completed.
        public var meanFinalLoss: Double?
    }

    public var dataset: String
    public var hidden: [Int]
    public var targetLoss: Double
    public var runs: [Run]
    /// How much faster ReLU reached the target than one other activation.
    public struct Speedup: Codable, Sendable {
        public var against: String
        /// median epochs(other) / median epochs(ReLU), over the runs that reached the target;
        /// nil when either never did.
        public var median: Double?
        /// Per seed, epochs(other)/epochs(ReLU), where both reached it.
        public var perSeed: [Double]
        /// When the other activation never reached the target but ReLU did: the ratio is at
        /// least epochs run / median epochs(ReLU).
        public var atLeast: Double?
    }

    /// ReLU against tanh, then against sigmoid.
    public var speedups: [Speedup]
    public var dead: [DeadPoint]
    /// The dead fraction at initialization, for comparison (mean over seeds).
    public var initialDeadFraction: Double
}

enum ReLUSpeed {
    static func run(_ c: NeuronsLabConfiguration, root: RandomStream) throws -> ReLUSpeedResult {
        var dataStream = root.stream(.spiral)
        let data = SyntheticDataset.spiral(classes: 3, pointsPerClass: 100, noise: 0.2).generate(using: &dataStream)
        let hidden = Array(repeating: c.speedHidden, count: c.speedDepth)
        func train(_ activation: Activation, seed: Int, lr: Double) throws -> (Trainer.Result, Sequential) {
            let seedValue = root.stream(.trial(seed)).word(at: 0)
            var g = RandomStream(seed: seedValue, path: .initialization)
            // Each activation with its own gain (tanh 5/3, ReLU √2, `Activation.gain`), so that
            // neither starts saturated or collapsed through the layers.
            let model = Sequential.mlp(inputs: 2, hidden: hidden, outputs: 3, activation: activation,
                                       initializer: .kaimingNormal(gain: activation.gain ?? 1), using: &g)
            let result = try Trainer.train(model, on: data, configuration: TrainingConfiguration(
                epochs: c.speedEpochs, batchSize: 32, optimizer: OptimizerConfiguration(kind: .sgd, learningRate: lr), seed: seedValue))
            return (result, model)
        }
        // Speed: ReLU, tanh and sigmoid for every seed; dead units: ReLU at every learning rate and seed.
        let compared: [(Activation, String)] = [(.relu, "ReLU"), (.tanh, "tanh"), (.sigmoid, "sigmoid")]
        let speedJobs = (0..<c.speedSeeds).flatMap { s in compared.indices.map { (compared[$0].0, s, $0) } }
        let deadJobs = c.deadLearningRates.flatMap { lr in (0..<c.speedSeeds).map { (lr, $0) } }
        let speed = try Parallel.map(speedJobs.count) { try train(speedJobs[$0].0, seed: speedJobs[$0].1, lr: c.speedLearningRate) }
        let dead = try Parallel.map(deadJobs.count) { try train(.relu, seed: deadJobs[$0].1, lr: deadJobs[$0].0) }

        let runs = zip(speedJobs, speed).map { job, trained -> ReLUSpeedResult.Run in
            let history = trained.0.history
            let losses = history.epochs.map(\.trainLoss)
            return .init(activation: compared[job.2].1, seed: job.1, trainLoss: losses,
                         epochsToTarget: losses.firstIndex { $0 <= c.targetLoss }.map { $0 + 1 }, outcome: history.outcome.message,
                         diverged: !history.outcome.isFinite)
        }
        // Runs are in job order: seed by seed, the `compared` activations in turn.
        let epochs = { (a: Int) in (0..<c.speedSeeds).map { runs[$0 * compared.count + a].epochsToTarget } }
        let relu = epochs(0)
        let speedups = (1..<compared.count).map { a -> ReLUSpeedResult.Speedup in
            let other = epochs(a)
            let perSeed = zip(other, relu).compactMap { o, r -> Double? in
                guard let o, let r else { return nil }
                return Double(o) / Double(r)
            }
            let (reached, reachedReLU) = (other.compactMap { $0 }.map(Double.init), relu.compactMap { $0 }.map(Double.init))
            return .init(against: compared[a].1, median: reached.isEmpty || reachedReLU.isEmpty ? nil : median(reached) / median(reachedReLU),
                         perSeed: perSeed,
                         atLeast: reached.isEmpty && !reachedReLU.isEmpty ? Double(c.speedEpochs) / median(reachedReLU) : nil)
        }

        let points = c.deadLearningRates.enumerated().map { i, lr -> ReLUSpeedResult.DeadPoint in
            let trained = dead[(i * c.speedSeeds)..<((i + 1) * c.speedSeeds)]
            let fractions = trained.map { t -> Double? in t.0.history.outcome.isFinite ? deadFraction(t.0.finalModel, data.features) : nil }
            let finite = fractions.compactMap { $0 }
            let finals = trained.filter { $0.0.history.outcome.isFinite }.compactMap { $0.0.history.epochs.last?.trainLoss }
            return .init(learningRate: lr, deadFractions: fractions, meanDeadFraction: finite.isEmpty ? nil : finite.reduce(0, +) / Double(finite.count),
                         divergedRuns: fractions.count - finite.count, meanFinalLoss: finals.isEmpty ? nil : finals.reduce(0, +) / Double(finals.count))
        }
        let initial = dead.prefix(c.speedSeeds).map { deadFraction($0.1, data.features) }
        return ReLUSpeedResult(dataset: "spiral, 3 classes × 100 points", hidden: hidden, targetLoss: c.targetLoss, runs: runs,
                               speedups: speedups, dead: points,
                               initialDeadFraction: initial.reduce(0, +) / Double(initial.count))
    }

    /// The fraction of the first hidden layer's units whose pre-activation is ≤ 0 on every row of
    /// `x`: they output 0 and pass no gradient for any input, so no step can revive them.
    static func deadFraction(_ model: Sequential, _ x: Tensor) -> Double {
        guard case .affine(let first) = model.layers[0] else { return 0 }
        let z = first.forward(x).output
        let (n, m) = (z.shape[0], z.shape[1])
        let dead = (0..<m).filter { j in (0..<n).allSatisfy { z[$0, j] <= 0 } }.count
        return Double(dead) / Double(m)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// "0.42×", "> 5.00× (never reached the target)", or "not measurable".
    static func ratio(_ x: ReLUSpeedResult.Speedup) -> String {
        if let m = x.median { return String(format: "%.2f×", m) }
        if let low = x.atLeast { return String(format: "> %.2f× (never reached the target)", low) }
        return "not measurable"
    }
}
