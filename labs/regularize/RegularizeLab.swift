import Foundation
import NNEngine

/// The regularization lab (000 and 003 decks): capacity against regularization, L2 / L1 /
/// elastic net / max-norm, the bias–variance decomposition, early stopping, label smoothing and
/// data augmentation. Computing only: nothing is printed or drawn.
///
/// Every net trains independently with its own seed, all at once on every core (`Parallel`,
/// BLAS single-threaded), so results do not depend on the core count or scheduling.
public enum RegularizeLab {
    /// Runs every experiment. `progress` receives one short line per stage.
    /// - Throws: `LabError` for a bad configuration or data file.
    public static func run(_ configuration: RegularizeConfiguration, progress: ((String) -> Void)? = nil) throws -> RegularizeResult {
        // OpenBLAS splits a product over its threads in a way that depends on their number, and
        // the rounding with it: one thread everywhere (the nets and matrices here are small)
        // keeps a run on one core byte-identical to a run on two.
        try BLASThreads.singleThreaded { try compute(configuration, progress: progress) }
    }

    static func compute(_ configuration: RegularizeConfiguration, progress: ((String) -> Void)?) throws -> RegularizeResult {
        let c = configuration
        try c.validate()
        let root = RandomStream(seed: c.seed)
        progress?("preparing data")
        let planar = try PlanarData.make(pointsPerClass: c.planarPointsPerClass, noise: c.planarNoise, using: root.stream(StreamKey("planar")))
        let digits = try DigitsData.load(c.digitsFile, trainCount: c.trainCount, using: root.stream(StreamKey("digits")))
        let plan = RegularizePlan(c, seeds: root.stream(StreamKey("net seeds")))

        progress?("training \(plan.jobs.count) nets on \(Parallel.coreCount) cores")
        let lock = NSLock()
        var finished = 0
        let results = try Parallel.map(plan.jobs.count) { i -> Trainer.Result in
            let result = try plan.jobs[i].job.run(planar: planar, digits: digits, copies: c.copies)
            lock.lock()
            finished += 1
            if finished % 10 == 0 || finished == plan.jobs.count { progress?("trained \(finished) of \(plan.jobs.count) nets") }
            lock.unlock()
            return result
        }
        progress?("bias and variance over \(c.draws) draws")
        let biasVariance = try BiasVariance.run(degrees: c.degrees, samplePoints: c.samplePoints, sizes: c.sampleSizes, draws: c.draws,
                                                sigma: c.noise, using: root.stream(StreamKey("bias variance")))
        let quadratic = QuadraticPenalty.compute()
        let earlyQuadratic = try EarlyStoppingQuadratic.compute(using: root.stream(StreamKey("quadratic")))

        let capacity = plan.capacity.map { i -> DecisionMap in
            let (units, lambda) = plan.jobs[i].capacity!
            let name = lambda == 0 ? "\(units) hidden units" : "\(units) hidden units, λ = \(lambda)"
            return DecisionMap.compute(name: name, hiddenUnits: units, lambda: lambda, result: results[i], data: planar)
        }
        func penalty(_ i: Int) -> PenaltyRun {
            let job = plan.jobs[i]
            return PenaltyRun.measure(kind: job.penalty?.kind, lambda: job.penalty?.lambda ?? 0, maxNorm: job.job.maxNorm?.limit,
                                      result: results[i], digits: digits)
        }
        let plain = plan.plain.map { results[$0] }
        let divergences = plan.jobs.indices.compactMap { i -> String? in
            guard case let .diverged(step, loss) = results[i].history.outcome else { return nil }
            return "\(plan.jobs[i].name): loss became \(loss.rawValue) at step \(step)"
        }
        return RegularizeResult(
            configuration: c, planar: planar.description, digits: digits.description, capacity: capacity,
            capacityPoints: ((0..<planar.train.count).map { planar.train.features[$0, 0] },
                             (0..<planar.train.count).map { planar.train.features[$0, 1] }, planar.train.labels),
            baseline: penalty(plan.plain[0]), penalties: plan.penalties.map(penalty), maxNorms: plan.maxNorms.map(penalty),
            quadratic: quadratic, biasVariance: biasVariance, earlyStopping: EarlyStoppingCurve(results[plan.long[0]].history),
            earlyStoppingQuadratic: earlyQuadratic,
            smoothing: SmoothingStudy.make(epsilon: c.smoothing, plain: plain, smoothed: plan.smoothed.map { results[$0] }, digits: digits),
            augmentation: SeedComparison.make([("no augmentation", plain),
                                               ("Gaussian input noise σ = \(c.inputNoise), \(c.copies) copies", plan.noisy.map { results[$0] }),
                                               ("rotate ±\(Int(DigitJitter.maxRotation))°, scale ±5%, shift ±\(DigitJitter.maxShift) px, \(c.copies) copies",
                                                plan.jittered.map { results[$0] })], digits: digits),
            trainedNets: plan.jobs.count, divergences: divergences)
    }
}
