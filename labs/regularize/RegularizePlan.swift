import NNEngine

/// Every net of one run, in a fixed order, with where each figure finds its nets.
struct RegularizePlan {
    struct Entry {
        var name: String
        var job: NetJob
        var capacity: (units: Int, lambda: Double)?
        var penalty: (kind: PenaltyKind, lambda: Double)?
    }

    var jobs: [Entry] = []
    var capacity: [Int] = []
    /// Unregularized digits nets, one per seed; the first is figure 2's baseline and figure 4a's curve.
    var plain: [Int] = []
    var penalties: [Int] = []
    var maxNorms: [Int] = []
    var smoothed: [Int] = []
    var noisy: [Int] = []
    var jittered: [Int] = []
    /// Figure 4a's long unregularized run.
    var long: [Int] = []

    /// The spiral nets: Adam, minibatches of 32; the deck's figure trains them to convergence.
    static let planarOptimizer = OptimizerConfiguration(kind: .adam(), learningRate: 0.01)

    /// Figure 4a's long run: Adam at 3e-3, which memorizes the few training digits (training loss
    /// towards 1e-4) so that the validation loss passes its minimum and climbs; plain SGD at the
    /// sweep's learning rate was still improving its validation loss after 300 epochs, and Adam at 1e-3 rose by only 2% from its minimum.
    static let earlyStoppingOptimizer = OptimizerConfiguration(kind: .adam(), learningRate: 3e-3)

    /// Net seeds are drawn in job order from `seeds`; the digits nets of one seed index share
    /// their seed across variants, so that comparisons are paired (same initial weights, same
    /// shuffles).
    init(_ c: RegularizeConfiguration, seeds: RandomStream) {
        var stream = seeds
        let planarSeed = stream.next()
        let widest = c.capacityUnits.max()!
        for units in c.capacityUnits {
            add("spiral, \(units) units", .planar, hidden: [units], seed: planarSeed, planar: c, into: \.capacity)
            jobs[jobs.count - 1].capacity = (units, 0)
        }
        for lambda in c.capacityLambdas {
            add("spiral, \(widest) units, λ = \(lambda)", .planar, hidden: [widest], regularizer: .l2(lambda), seed: planarSeed, planar: c,
                into: \.capacity)
            jobs[jobs.count - 1].capacity = (widest, lambda)
        }
        let digitSeeds = (0..<c.seeds).map { _ in stream.next() }
        for (s, seed) in digitSeeds.enumerated() {
            add("digits, no penalty, seed \(s)", .digits, hidden: c.hidden, seed: seed, digits: c, into: \.plain)
        }
        add("digits, no penalty, \(c.earlyStoppingMultiplier)× epochs", .digits, hidden: c.hidden, seed: digitSeeds[0], digits: c,
            epochMultiplier: c.earlyStoppingMultiplier, optimizer: Self.earlyStoppingOptimizer, into: \.long)
        for kind in PenaltyKind.allCases {
            for lambda in c.lambdas {
                add("digits, \(kind.rawValue) λ = \(lambda)", .digits, hidden: c.hidden, regularizer: kind.regularizer(lambda),
                    step: kind.step, seed: digitSeeds[0], digits: c, into: \.penalties)
                jobs[jobs.count - 1].penalty = (kind, lambda)
            }
        }
        for limit in c.maxNorms {
            add("digits, max-norm c = \(limit)", .digits, hidden: c.hidden, maxNorm: MaxNorm(limit: limit), seed: digitSeeds[0], digits: c,
                into: \.maxNorms)
        }
        for (s, seed) in digitSeeds.enumerated() {
            add("digits, label smoothing, seed \(s)", .digits, hidden: c.hidden, loss: .softmaxCrossEntropy(labelSmoothing: c.smoothing),
                seed: seed, digits: c, into: \.smoothed)
            add("digits, input noise, seed \(s)", .noisyDigits(sigma: c.inputNoise), hidden: c.hidden, seed: seed, digits: c,
                augmented: true, into: \.noisy)
            add("digits, jitter, seed \(s)", .jitteredDigits, hidden: c.hidden, seed: seed, digits: c, augmented: true, into: \.jittered)
        }
    }

    private mutating func add(_ name: String, _ data: NetJob.Data, hidden: [Int], loss: Loss = .softmaxCrossEntropy(),
                              regularizer: Regularizer? = nil, step: PenaltyStep = .subgradient, maxNorm: MaxNorm? = nil,
                              seed: UInt64, planar: RegularizeConfiguration? = nil, digits: RegularizeConfiguration? = nil,
                              augmented: Bool = false, epochMultiplier: Int = 1, optimizer: OptimizerConfiguration? = nil, into list: WritableKeyPath<RegularizePlan, [Int]>) {
        let job: NetJob
        if let c = planar {
            job = NetJob(data: data, hidden: hidden, optimizer: Self.planarOptimizer, loss: loss, regularizer: regularizer,
                         penaltyStep: step, maxNorm: maxNorm, epochs: c.planarEpochs, batchSize: 32, seed: seed)
        } else {
            let c = digits!
            // The augmented nets see `copies` times as many examples per epoch: as many fewer
            // epochs keep the number of steps (nearly) equal.
            let epochs = augmented ? Swift.max(1, c.epochs / c.copies) : c.epochs * epochMultiplier
            job = NetJob(data: data, hidden: hidden, optimizer: optimizer ?? c.optimizer, loss: loss, regularizer: regularizer,
                         penaltyStep: step, maxNorm: maxNorm, epochs: epochs, batchSize: c.batchSize, seed: seed)
        }
        self[keyPath: list].append(jobs.count)
        jobs.append(Entry(name: name, job: job))
    }
}
