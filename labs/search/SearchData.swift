import Foundation
import NNEngine

/// The UCI digits of a search: one stratified split (60% train, 20% validation, 20% test) and,
/// for cross-validation, the training and validation digits pooled and dealt into k stratified
/// folds. Every part is normalized with statistics of the digits it trains on only.
public struct SearchData: Sendable {
    /// The single split, normalized with the training part's statistics.
    public var split: DatasetSplit
    /// The raw (unnormalized) training and validation digits together, and each one's fold.
    var pool: Dataset
    var foldOf: [Int]
    public var folds: Int

    static let validationFraction = 0.2
    static let testFraction = 0.2

    /// The shipped digits, found from this source file: `labs/search/../data/digits.csv.gz`.
    public static let defaultDigitsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/digits.csv.gz")

    /// Loads the digits and draws the split (stream `split`) and the folds (stream `folds`).
    /// - Throws: `LabError` for a missing or malformed file.
    public static func prepare(_ c: SearchConfiguration, digitsFile: URL = defaultDigitsFile) throws -> SearchData {
        let root = RandomStream(seed: c.seed)
        var splitStream = root.stream(.split)
        var foldStream = root.stream(.folds)
        let data = try DigitsDataset.load(from: digitsFile)
        let raw = try DatasetSplit.stratified(data, validationFraction: validationFraction, testFraction: testFraction,
                                              trainCount: c.trainCount, using: &splitStream)
        // The split deals at most what is left after validation and test: a larger count would
        // silently train on fewer digits than the configuration (and every JSON) says.
        if let trainCount = c.trainCount, raw.train.count < trainCount {
            throw LabError("--train-count \(trainCount) is more than the \(raw.train.count) training digits left after the validation and test splits")
        }
        guard c.batchSize <= raw.train.count else {
            throw LabError("--batch-size \(c.batchSize) is larger than the \(raw.train.count) training digits")
        }
        let normalize = try normalization(of: raw.train.features)
        let split = DatasetSplit(train: raw.train.replacingFeatures(normalize(raw.train.features)),
                                 validation: raw.validation.replacingFeatures(normalize(raw.validation.features)),
                                 test: raw.test.replacingFeatures(normalize(raw.test.features)))
        let pool = Dataset(features: Tensor(shape: [raw.train.count + raw.validation.count, raw.train.featureCount],
                                            scalars: raw.train.features.scalars + raw.validation.features.scalars),
                           labels: raw.train.labels + raw.validation.labels, classCount: data.classCount)
        // Stratified folds: each class shuffled and dealt round-robin, the deal continuing from
        // one class to the next so that the folds differ in size by at most one digit.
        var foldOf = [Int](repeating: 0, count: pool.count)
        var dealt = 0
        for cls in 0..<pool.classCount {
            var members = pool.labels.indices.filter { pool.labels[$0] == cls }
            members.shuffle(using: &foldStream)
            for i in members {
                foldOf[i] = dealt % c.folds
                dealt += 1
            }
        }
        return SearchData(split: split, pool: pool, foldOf: foldOf, folds: c.folds)
    }

    /// Fold `f`'s training digits (every other fold) and held-out digits, normalized with the
    /// training digits' statistics.
    func fold(_ f: Int) throws -> (train: Dataset, validation: Dataset) {
        let train = pool.subset(pool.labels.indices.filter { foldOf[$0] != f })
        let held = pool.subset(pool.labels.indices.filter { foldOf[$0] == f })
        let normalize = try Self.normalization(of: train.features)
        return (train.replacingFeatures(normalize(train.features)), held.replacingFeatures(normalize(held.features)))
    }

    /// `x' = (x − μ) / σ` with μ [64] the mean training image and σ one number, the standard
    /// deviation of all centred training pixels (one colour channel, 001 deck): per-pixel σ would
    /// divide by almost nothing for the nearly always blank border pixels.
    static func normalization(of x: Tensor) throws -> (Tensor) -> Tensor {
        let centre = try Preprocessing.meanSubtraction.fit(x)
        let sigma = centre(x).standardDeviation
        let scale = sigma > 1e-12 ? 1 / sigma : 1
        return { centre($0) * scale }
    }
}
