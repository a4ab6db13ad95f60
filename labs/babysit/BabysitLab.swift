import Foundation
import NNEngine

/// The babysitting lab (001 deck's "babysitting the learning process", 000 deck's monitoring and
/// 004 deck's schedules): sanity checks, the learning-rate finder, loss curves to read, the net
/// from inside, schedules with early stopping, batch size and gradient noise. Computing only.
///
/// All trainings are independent and run on all cores (`Parallel.map`, one BLAS thread each); every
/// net starts from the same initialization seed and sees the minibatches in the same order, so
/// the figures compare settings, not luck.
public enum BabysitLab {
    /// One training of the run.
    enum Job {
        case overfit(broken: Bool)
        case finder(OptimizerKind)
        case curve(LossCurveCase)
        case schedule(LearningRateSchedule)
        case batch(size: Int, scaled: Bool)
    }

    enum Output {
        case overfit(SanityChecks.Overfit)
        case finder(LearningRateFinder)
        case curve(LossCurve, MonitoredTraining.Trace)
        case schedule(ScheduleRun)
        case batch(BatchRun)
    }

    /// The two optimizers of the finder: SGD with momentum 0.9, and Adam.
    static let finderOptimizers: [(String, OptimizerKind)] = [("SGD + momentum 0.9", .momentum(mu: 0.9)), ("Adam", .adam())]
    /// Figure 3's too-little-regularization run trains on this many examples, to overfit in a short run.
    static let smallTrainCount = 200
    /// Figure 6's batch sizes (those up to the training set's size).
    static let batchSizes = [4, 16, 64, 256]
    static let noiseDraws = 32
    static let probeCount = 256

    /// Runs every study. `progress` receives one short line per stage.
    /// - Throws: `LabError` for a bad configuration or data (a batch larger than the data).
    public static func run(_ c: BabysitConfiguration, progress: ((String) -> Void)? = nil) throws -> BabysitResult {
        try c.validate()
        let seeds = BabysitSeeds(seed: c.seed)
        progress?("preparing data")
        let split = try PreparedSplit.prepare(c.dataset, digitsFile: c.digitsFile, using: seeds.root.stream(.data))
        guard c.batchSize <= split.train.count else {
            throw LabError("--batch-size \(c.batchSize) is larger than the \(split.train.count) training examples")
        }
        let (inputs, classes) = (split.train.featureCount, split.train.classCount)
        func model(_ scale: Double = 1) -> Sequential { seeds.model(inputs: inputs, hidden: c.hidden, outputs: classes, weightScale: scale) }
        let perEpoch = (split.train.count + c.batchSize - 1) / c.batchSize
        let schedules = [LearningRateSchedule.constant]
            + (c.schedules.isEmpty ? ScheduleRun.lectureSet(steps: perEpoch * c.epochs, perEpoch: perEpoch) : c.schedules)
        let batchSizes = batchSizes.filter { $0 <= split.train.count }

        var jobs: [Job] = [.overfit(broken: false), .overfit(broken: true)]
        jobs += finderOptimizers.map { .finder($0.1) }
        jobs += LossCurveCase.allCases.map { .curve($0) }
        jobs += schedules.map { .schedule($0) }
        jobs += batchSizes.flatMap { [Job.batch(size: $0, scaled: true), .batch(size: $0, scaled: false)] }
        // The longest trainings (the smallest batches) first, so that no core waits at the end.
        let order = jobs.indices.sorted { cost(jobs[$0]) > cost(jobs[$1]) }

        progress?("training \(jobs.count) nets on \(Parallel.coreCount) cores")
        let sample = SanityChecks.sample(of: split.train, using: seeds.root.stream(.overfitSample))
        let lock = NSLock()
        var finished = 0
        let computed = try Parallel.map(jobs.count) { k -> Output in
            let job = jobs[order[k]]
            let output = try run(job, c, split: split, sample: sample, seeds: seeds, model: model)
            lock.lock()
            finished += 1
            progress?("trained \(finished) of \(jobs.count) nets")
            lock.unlock()
            return output
        }
        var outputs = [Output?](repeating: nil, count: jobs.count)
        for (k, i) in order.enumerated() { outputs[i] = computed[k] }

        var overfits: [SanityChecks.Overfit] = [], finders: [LearningRateFinder] = [], curves: [LossCurve] = []
        var goodTrace: MonitoredTraining.Trace?
        var deadAtEnd: [DeadUnits] = []
        let probe = probeSet(split)
        var scheduleRuns: [ScheduleRun] = [], batchRuns: [BatchRun] = []
        for output in outputs.map({ $0! }) {
            switch output {
            case .overfit(let o): overfits.append(o)
            case .finder(let f): finders.append(f)
            case .curve(let curve, let trace):
                curves.append(curve)
                if curve.run == .good { goodTrace = trace }
                let end = NetProbe.take(trace.finalModel, on: probe, epoch: trace.epochs.count, loss: .softmaxCrossEntropy())
                deadAtEnd.append(DeadUnits(run: curve.run.shortName, dead: end.deadUnits, units: end.units))
            case .schedule(let s): scheduleRuns.append(s)
            case .batch(let b): batchRuns.append(b)
            }
        }
        let sanity = SanityChecks(logC: log(Double(classes)), initialLosses: [
            SanityChecks.initialLoss(model(), setup: "Kaiming init", on: split.train),
            SanityChecks.initialLoss(model(SanityChecks.brokenScale), setup: "broken: every weight ×10", on: split.train),
        ], overfits: overfits)

        progress?("measuring gradient noise")
        let trained = goodTrace!.finalModel
        var noiseSizes = Array(sequence(first: 1) { $0 * 2 }.prefix { $0 <= split.train.count / 2 })
        noiseSizes.append(split.train.count)
        let states = [("at initialization", model()), ("after \(c.epochs) epochs (good run)", trained)]
        let noise = try Parallel.map(states.count) { s -> GradientNoise in
            var generator = seeds.root.stream(.gradientNoise(s))
            return GradientNoise.measure(states[s].1, on: split.train, loss: .softmaxCrossEntropy(), batchSizes: noiseSizes,
                                         draws: noiseDraws, state: states[s].0, using: &generator)
        }
        var inside = InsideTheNet.summarize(goodTrace!, initial: model(), imageSide: c.dataset.imageSide)
        inside.deadAtEndOfEachRun = deadAtEnd
        return BabysitResult(configuration: c, data: split.description, trainCount: split.train.count, classCount: classes,
                             sanity: sanity, finders: finders, curves: curves, inside: inside, schedules: scheduleRuns,
                             noise: noise, batches: batchRuns, trainedNets: jobs.count)
    }

    /// The validation examples every probe runs on: the first `probeCount`.
    static func probeSet(_ split: PreparedSplit) -> Dataset {
        split.validation.subset(Array(0..<Swift.min(probeCount, split.validation.count)))
    }

    /// A rough relative cost, for ordering: steps times a per-step overhead.
    static func cost(_ job: Job) -> Double {
        switch job {
        case .batch(let size, _): return 1000 / Double(size) + 10
        case .overfit: return 3
        case .finder: return 5
        case .curve, .schedule: return 35
        }
    }

    /// One job's training.
    static func run(_ job: Job, _ c: BabysitConfiguration, split: PreparedSplit, sample: Dataset, seeds: BabysitSeeds,
                    model: (Double) -> Sequential) throws -> Output {
        let regularizer: Regularizer? = c.regularization > 0 ? .l2(c.regularization) : nil
        func configuration(_ optimizer: OptimizerConfiguration, batch: Int? = nil, regularizer: Regularizer?) -> TrainingConfiguration {
            TrainingConfiguration(epochs: c.epochs, batchSize: batch ?? c.batchSize, optimizer: optimizer, regularizer: regularizer,
                                  seed: seeds.training)
        }
        switch job {
        case .overfit(let broken):
            return .overfit(try SanityChecks.overfit(model(broken ? SanityChecks.brokenScale : 1),
                                                     setup: broken ? "broken: every weight ×10" : "Kaiming init",
                                                     on: sample, optimizer: c.optimizerConfiguration, seed: seeds.training))
        case .finder(let kind):
            let name = finderOptimizers.first { $0.1 == kind }!.0
            return .finder(try LearningRateFinder.run(model(1), name: name, kind: kind, on: split, batchSize: c.batchSize,
                                                      range: c.finderRange, steps: c.finderSteps, seed: seeds.training))
        case .curve(let run):
            let lr = c.learningRate * run.learningRateFactor
            let train = run == .littleRegularization ? split.train.subset(Array(0..<Swift.min(smallTrainCount, split.train.count))) : split.train
            let lambda = run == .littleRegularization ? 0 : c.regularization
            var plan = MonitoredTraining.Plan()
            if run == .good {
                plan.recordsRatios = true
                plan.probeEpochs = Array(Set([0, 1, c.epochs / 2, c.epochs])).sorted()
                plan.probe = probeSet(split)
            }
            let trace = try MonitoredTraining.train(model(run.weightScale), on: train, validation: split.validation,
                                                    configuration: configuration(OptimizerConfiguration(kind: c.optimizer, learningRate: lr),
                                                                                 batch: Swift.min(c.batchSize, train.count),
                                                                                 regularizer: lambda > 0 ? .l2(lambda) : nil),
                                                    plan: plan)
            let curve = LossCurve(run: run, title: run == .littleRegularization ? "\(run.title) (\(train.count) train)" : run.title,
                                  learningRate: lr, lambda: lambda, trainCount: train.count, stepLosses: trace.stepLosses,
                                  movingAverage: LossCurve.movingAverage(trace.stepLosses, window: trace.stepsPerEpoch),
                                  epochs: trace.epochs, divergedAtStep: trace.divergedAtStep, stepsPerEpoch: trace.stepsPerEpoch)
            return .curve(curve, trace)
        case .schedule(let schedule):
            let optimizer = OptimizerConfiguration(kind: c.optimizer, learningRate: c.learningRate, options: OptimizerOptions(schedule: schedule))
            let trace = try MonitoredTraining.train(model(1), on: split.train, validation: split.validation,
                                                    configuration: configuration(optimizer, regularizer: regularizer))
            return .schedule(ScheduleRun(schedule: schedule.description, label: ScheduleRun.label(schedule),
                                         learningRates: trace.learningRates, epochs: trace.epochs, bestEpoch: trace.bestEpoch,
                                         restoredTestAccuracy: trace.bestModel.accuracy(on: split.test),
                                         finalTestAccuracy: trace.finalModel.accuracy(on: split.test), divergedAtStep: trace.divergedAtStep))
        case .batch(let size, let scaled):
            let lr = scaled ? c.learningRate * Double(size) / Double(c.batchSize) : c.learningRate
            let trace = try MonitoredTraining.train(model(1), on: split.train, validation: split.validation,
                                                    configuration: configuration(OptimizerConfiguration(kind: c.optimizer, learningRate: lr),
                                                                                 batch: size, regularizer: regularizer))
            let n = split.train.count
            let seen = trace.stepLosses.indices.map { s in (s / trace.stepsPerEpoch) * n + Swift.min((s % trace.stepsPerEpoch + 1) * size, n) }
            return .batch(BatchRun(batchSize: size, scaled: scaled, learningRate: lr, stepLosses: trace.stepLosses, examplesSeen: seen,
                                   lossNoise: BatchRun.noise(trace.stepLosses, perEpoch: trace.stepsPerEpoch),
                                   finalValidationAccuracy: trace.epochs.last?.validationAccuracy ?? .nan,
                                   divergedAtStep: trace.divergedAtStep))
        }
    }
}
