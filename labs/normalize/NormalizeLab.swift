import Foundation
import NNEngine

/// The normalization lab (001, 003 and 004 decks): input preprocessing pictured and its leak
/// measured, the loss's sensitivity to weight changes before and after normalization, the
/// zig-zag of non-zero-centred inputs, and batch norm in deep saturating nets. Computing only:
/// nothing is printed or drawn.
public enum NormalizeLab {
    /// Runs every experiment. `progress` receives one short line per stage.
    /// - Throws: `LabError` for bad configuration or data.
    public static func run(_ configuration: NormalizeLabConfiguration, progress: ((String) -> Void)? = nil) throws -> NormalizeLabResult {
        // OpenBLAS splits a product over its threads in an order that depends on how many there
        // are, and the rounding with it: one thread everywhere makes a run on 1 core give the
        // same JSON as a run on 2 (the matrices here are at most 1000 × 64, too small to gain).
        try BLASThreads.singleThreaded { try compute(configuration, progress: progress) }
    }

    static func compute(_ configuration: NormalizeLabConfiguration, progress: ((String) -> Void)?) throws -> NormalizeLabResult {
        let c = configuration
        try c.validate()
        let root = Self.root(seed: c.seed)
        progress?("loading the digits")
        let digits = try DigitsDataset.load(from: c.digitsFile)
        var splitStream = root.stream(.split)
        let rawSplit = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, trainCount: c.trainCount, using: &splitStream)
        // Checked here, before any work: a batch larger than the training digits leaves the
        // deck's running estimate no whole minibatch to average (0/0), and a leak split asked
        // for more digits than its training share would be silently cut to that share.
        guard c.batchSize <= rawSplit.train.count else {
            throw LabError("--batch-size \(c.batchSize) is larger than the \(rawSplit.train.count) training digits (--train-count)")
        }
        var shareStream = root.stream(.leak)
        let share = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, using: &shareStream).train.count
        guard c.leakTrainCount <= share else {
            throw LabError("--leak-train-count \(c.leakTrainCount) is more than the \(share) training digits a split leaves")
        }

        progress?("preprocessing pictures")
        let pictures = try PreprocessingPictures.compute(gaussianCount: c.gaussianCount, digits: rawSplit, using: root.stream(.pictures))
        let sensitivity = LossSensitivity.compute(using: root.stream(.sensitivity))
        progress?("measuring the leak over \(c.leakSplits) splits")
        let leak = try LeakStudy.run(digits: digits, splits: c.leakSplits, trainCount: c.leakTrainCount, using: root.stream(.leak))
        let zigZag = ZigZag.compute(using: root.stream(.zigZag))

        let (prepared, sigma) = normalized(rawSplit)
        var seeds = root.stream(.jobSeeds)
        let study = try BatchNormStudy.run(c, data: prepared, seeds: &seeds, evaluationOrder: root.stream(.evaluationOrder), progress: progress)
        let description = "digits: \(digits.count) examples; \(prepared.train.count) train, \(prepared.validation.count) validation, "
            + "\(prepared.test.count) test (stratified); the training mean image subtracted, then divided by one std over all training pixels (σ = \(String(format: "%.3f", sigma)))"
        return NormalizeLabResult(configuration: c, data: description, pictures: pictures, sensitivity: sensitivity, leak: leak,
                                  zigZag: zigZag, batchNorm: study)
    }

    /// The lab's root stream: `normalize` of the seed. Every stream below hangs from it, so that
    /// no purpose name shared with another lab ("job seeds", "split") gives both labs the same
    /// numbers at the same seed.
    static func root(seed: UInt64) -> RandomStream {
        RandomStream(seed: seed).stream(.normalizeLab)
    }

    /// The split with the training mean image subtracted and divided by one σ over all training
    /// pixels (as for one colour channel; per-pixel σ would divide nearly-always-blank pixels by
    /// almost nothing). Statistics from the training digits only.
    static func normalized(_ split: DatasetSplit) -> (DatasetSplit, Double) {
        let n = Double(split.train.count)
        let mean = split.train.features.columnSums * (1 / n)
        let sigma = split.train.features.broadcastOverRows(mean, -).standardDeviation
        let scale = sigma > 1e-12 ? 1 / sigma : 1
        func apply(_ d: Dataset) -> Dataset { d.replacingFeatures(d.features.broadcastOverRows(mean, -) * scale) }
        return (DatasetSplit(train: apply(split.train), validation: apply(split.validation), test: apply(split.test)), sigma)
    }
}

/// The lab's stream purposes (see `StreamKey`): every random number of the lab comes from
/// `RandomStream(seed:)`, then `normalize`, then one of these (or the engine's `split`).
extension StreamKey {
    /// The lab's root, under the seed.
    static let normalizeLab = StreamKey("normalize")
    /// Figure 1's Gaussian points.
    static let pictures = StreamKey("pictures")
    /// Figure 1's two-class data for the loss-sensitivity panel.
    static let sensitivity = StreamKey("sensitivity")
    /// Figure 1's leak splits (`leak split s`) and their classifiers' seeds (`leak init s`).
    static let leak = StreamKey("leak")
    /// Figure 2's inputs and example order.
    static let zigZag = StreamKey("zig-zag")
    /// The deep nets' seeds, two per pair of nets in plan order (`BatchNormStudy`).
    static let jobSeeds = StreamKey("job seeds")
    /// The order of the validation digits when cut into evaluation batches.
    static let evaluationOrder = StreamKey("evaluation order")
}
