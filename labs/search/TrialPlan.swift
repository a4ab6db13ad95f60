import NNEngine

/// The trial list of every stage, computed the same way by every shard and by the merge: stage 1
/// from the seed alone, stage 2 from stage 1's coarse results, stage 3 from the coarse and fine
/// results. Indices run on from one stage to the next.
public enum TrialPlan {
    /// Stage 1: the grid and random points of figure 1, the log-uniform and uniform samples of
    /// figure 2, and the coarse stage of figure 3, in that order from index 0.
    public static func stage1(_ c: SearchConfiguration) -> [TrialSpec] {
        var specs: [TrialSpec] = []
        let lrs = c.gridLearningRate.grid(c.grid), decays = c.unimportantDecay.grid(c.grid)
        for a in 0..<c.grid {
            for b in 0..<c.grid { specs.append(spec(specs.count, .grid, c, lr: lrs[a], decay: decays[b])) }
        }
        for _ in 0..<(c.grid * c.grid) {
            var s = sampleStream(specs.count, c)
            specs.append(spec(specs.count, .random, c, lr: c.gridLearningRate.logUniform(s.uniform()),
                              decay: c.unimportantDecay.logUniform(s.uniform())))
        }
        for _ in 0..<c.samples {
            var s = sampleStream(specs.count, c)
            specs.append(spec(specs.count, .logUniform, c, lr: c.learningRate.logUniform(s.uniform()),
                              decay: c.weightDecay.logUniform(s.uniform())))
        }
        for _ in 0..<c.samples {
            var s = sampleStream(specs.count, c)
            specs.append(spec(specs.count, .uniform, c, lr: c.learningRate.uniform(s.uniform()),
                              decay: c.weightDecay.uniform(s.uniform())))
        }
        for _ in 0..<c.coarse {
            var s = sampleStream(specs.count, c)
            specs.append(spec(specs.count, .coarse, c, lr: c.learningRate.logUniform(s.uniform()),
                              decay: c.weightDecay.logUniform(s.uniform())))
        }
        return specs
    }

    /// Stage 2: the fine stage, log-uniform over `region`, from index `start`.
    public static func stage2(_ c: SearchConfiguration, start: Int, region: FineRegion) -> [TrialSpec] {
        (start..<(start + c.fine)).map { i in
            var s = sampleStream(i, c)
            return spec(i, .fine, c, lr: region.learningRate.logUniform(s.uniform()), decay: region.weightDecay.logUniform(s.uniform()))
        }
    }

    /// Stage 3, from index `start`: every fold of the `crossValidated` best configurations of
    /// `ranked` (the coarse and fine trials, best first), then the `ensemble` best retrained with
    /// their own seeds.
    public static func stage3(_ c: SearchConfiguration, start: Int, ranked: [TrialSpec]) -> [TrialSpec] {
        var specs: [TrialSpec] = []
        for source in ranked.prefix(c.crossValidated) {
            for f in 0..<c.folds {
                var trial = spec(start + specs.count, .crossValidation, c, lr: source.learningRate, decay: source.weightDecay)
                trial.fold = f
                trial.source = source.index
                specs.append(trial)
            }
        }
        for source in ranked.prefix(c.ensemble) {
            var trial = source
            trial.index = start + specs.count
            trial.kind = .ensemble
            trial.source = source.index
            specs.append(trial)
        }
        return specs
    }

    /// The region of the fine stage: around the best of the coarse trials.
    public static func fineRegion(_ c: SearchConfiguration, coarse: [TrialRecord]) -> FineRegion {
        FineRegion(around: rank(coarse)[0].trial, c)
    }

    /// Best first: higher validation accuracy, then lower validation loss (a NaN loss last), then
    /// the lower index, so that every shard and the merge rank alike.
    public static func rank(_ records: [TrialRecord]) -> [TrialRecord] {
        records.sorted { a, b in
            let (x, y) = (a.result, b.result)
            if x.validationAccuracy != y.validationAccuracy { return x.validationAccuracy > y.validationAccuracy }
            let lx = x.validationLoss.isNaN ? Double.infinity : x.validationLoss
            let ly = y.validationLoss.isNaN ? Double.infinity : y.validationLoss
            if lx != ly { return lx < ly }
            return a.trial.index < b.trial.index
        }
    }

    /// Trial `i`'s hyperparameter stream: `trial i / sample` of the seed.
    static func sampleStream(_ i: Int, _ c: SearchConfiguration) -> RandomStream {
        RandomStream(seed: c.seed, path: .trial(i), .sample)
    }

    /// Trial `i` with its seeds, two words of `trial i / seeds`; the grid and random trials of
    /// figure 1 all take the same two words, of `grid seeds` ("common random numbers"): their
    /// nets start from the same weights and see the same minibatches, so that what differs
    /// between them is the hyperparameters alone, not the luck of an initialization (at a
    /// learning rate of 1e-4 two seeds differed by 13 points of validation accuracy).
    static func spec(_ i: Int, _ kind: TrialKind, _ c: SearchConfiguration, lr: Double, decay: Double) -> TrialSpec {
        var seeds = kind == .grid || kind == .random ? RandomStream(seed: c.seed, path: .gridSeeds)
            : RandomStream(seed: c.seed, path: .trial(i), .seeds)
        return TrialSpec(index: i, kind: kind, learningRate: lr, weightDecay: decay, fold: nil, source: nil,
                         initSeed: seeds.next(), trainingSeed: seeds.next())
    }
}
