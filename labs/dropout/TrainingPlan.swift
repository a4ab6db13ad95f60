import NNEngine

/// Every net the dropout lab trains, in the fixed order their seeds are drawn, and the role each
/// plays in the figures. Each job draws two seeds (weights, then training) from the `job seeds`
/// stream when it is planned, so the order below is part of the lab's reproducibility: a job
/// added at the end changes no other net's seeds.
struct TrainingPlan {
    /// The lab's data sets by role, as indices into its list of prepared data.
    struct Data {
        /// Figure 1's data sets: the main one, then the 2-D one when the main set is the digits.
        var overfitting: Range<Int>
        /// The 2-D set of figure 6 (the main set when it is itself 2-D).
        var planar: Int
        /// The digits of figure 5's small-data ensemble, when there is one.
        var small: Int?
    }

    private(set) var jobs: [TrainingJob] = []
    /// Figure 1: for each overfitting data set, one net per keep probability, in `keeps` order.
    private(set) var overfitting: [Range<Int>] = []
    /// Figure 2's vanilla-dropout net on the main set (scaled at test time).
    private(set) var vanilla = 0
    /// Figure 5's ensemble of no-dropout nets on the main set; the first keeps checkpoints.
    private(set) var ensemble = 0..<0
    /// Figure 6: the no-dropout net and the dropout net on the 2-D set (figure 1's when it has them).
    private(set) var boundaryPlain = 0
    private(set) var boundaryDropout = 0
    /// Figure 6: the other members of the no-dropout ensemble on the 2-D set.
    private(set) var boundaryExtra = 0..<0
    /// Figure 5's small-data ensemble (empty without one); the first keeps checkpoints.
    private(set) var smallEnsemble = 0..<0
    /// Figure 5's further independent ensembles of the same size, on the main and the small
    /// training set: the spread of the ensemble gain over seeds.
    private(set) var ensembleRepeats: [Range<Int>] = []
    private(set) var smallEnsembleRepeats: [Range<Int>] = []

    init(_ c: DropoutLabConfiguration, data: Data, seeds: inout RandomStream) {
        func add(_ data: Int, keep: Double, variant: Dropout.Variant = .inverted, checkpoints: Bool = false) -> Int {
            jobs.append(TrainingJob(dataIndex: data, keep: keep, variant: variant, keepsCheckpoints: checkpoints,
                                    initSeed: seeds.next(), trainingSeed: seeds.next()))
            return jobs.count - 1
        }
        for d in data.overfitting {
            let start = jobs.count
            for p in c.keeps { _ = add(d, keep: p) }
            overfitting.append(start..<jobs.count)
        }
        vanilla = add(0, keep: c.dropoutKeep, variant: .vanilla)
        let ensembleStart = jobs.count
        for m in 0..<c.ensembleSize { _ = add(0, keep: 1, checkpoints: m == 0) }
        ensemble = ensembleStart..<jobs.count
        boundaryPlain = jobs.firstIndex { $0.dataIndex == data.planar && $0.keep == 1 } ?? add(data.planar, keep: 1)
        boundaryDropout = jobs.firstIndex { $0.dataIndex == data.planar && $0.keep == c.dropoutKeep && $0.variant == .inverted }
            ?? add(data.planar, keep: c.dropoutKeep)
        let extraStart = jobs.count
        for _ in 0..<(DropoutLabConfiguration.boundaryEnsembleSize - 1) { _ = add(data.planar, keep: 1) }
        boundaryExtra = extraStart..<jobs.count
        // Last, so that adding them changed no other net's seeds.
        if let small = data.small {
            let smallStart = jobs.count
            for m in 0..<c.ensembleSize { _ = add(small, keep: 1, checkpoints: m == 0) }
            smallEnsemble = smallStart..<jobs.count
        }
        // After every other net, so that they change no other net's seeds.
        for _ in 1..<Swift.max(1, c.ensembleRepeats) {
            let start = jobs.count
            for _ in 0..<c.ensembleSize { _ = add(0, keep: 1) }
            ensembleRepeats.append(start..<jobs.count)
            if let small = data.small {
                let smallStart = jobs.count
                for _ in 0..<c.ensembleSize { _ = add(small, keep: 1) }
                smallEnsembleRepeats.append(smallStart..<jobs.count)
            }
        }
    }
}
