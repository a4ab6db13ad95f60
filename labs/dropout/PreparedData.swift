import Foundation
import NNEngine

/// A data set split into training, validation and test parts and normalized with statistics of
/// the training part only.
public struct PreparedData: Sendable {
    public var name: String
    /// Whether the inputs are 2-D points.
    public var isPlanar: Bool
    public var split: DatasetSplit
    /// What was done, for the JSON: sizes, fractions and preprocessing.
    public var description: String

    /// The held-out fractions: 30% validation (learning curves), 20% test (ensembles, MC dropout).
    static let validationFraction = 0.3
    static let testFraction = 0.2

    /// Loads `choice`, splits it (capping the digits' training part at `trainCount`) and
    /// normalizes every part with the training statistics: the digits as one-channel images, the
    /// 2-D sets feature by feature (see `normalization`).
    /// - Throws: `LabError` for a missing or malformed file, or a split with an empty part.
    public static func prepare(_ choice: DatasetChoice, trainCount: Int, digitsFile: URL,
                               using stream: RandomStream) throws -> PreparedData {
        var draw = stream.stream(.data)
        var shuffle = stream.stream(.split)
        let data = try choice.load(digitsFile: digitsFile, using: &draw)
        let cap: Int? = choice.isPlanar ? nil : trainCount
        var split = try DatasetSplit.stratified(data, validationFraction: validationFraction, testFraction: testFraction,
                                                trainCount: cap, using: &shuffle)
        let (transform, method) = try normalization(of: split.train.features, isImage: !choice.isPlanar)
        split.train = split.train.replacingFeatures(transform(split.train.features))
        split.validation = split.validation.replacingFeatures(transform(split.validation.features))
        split.test = split.test.replacingFeatures(transform(split.test.features))
        let description = "\(choice.name): \(data.count) examples, \(data.classCount) classes; \(split.train.count) train"
            + "\(cap != nil ? " (a deliberately small subset)" : ""), \(split.validation.count) validation, \(split.test.count) test; "
            + method
        return PreparedData(name: choice.name, isPlanar: choice.isPlanar, split: split, description: description)
    }

    /// The normalization fitted on the training features `x` [N, D], and its description.
    ///
    /// Images (the digits): `x' = (x − μ) / σ` with μ [D] the mean training image and σ one
    /// number, the standard deviation of all centred training pixels, as for one colour channel
    /// ("for images: center only", or per-channel mean and std; 001 deck). Per-pixel σ would
    /// divide by almost nothing for a pixel that is nearly always blank in 200 training digits,
    /// and a held-out digit that inks it lands tens of σ out (up to 55σ for some splits),
    /// inflating every net's validation loss with a few confident mistakes.
    ///
    /// 2-D points: `x' = (x − μ) / σ` per coordinate (`Preprocessing.standardization`).
    static func normalization(of x: Tensor, isImage: Bool) throws -> (transform: (Tensor) -> Tensor, method: String) {
        guard isImage else {
            let fitted = try Preprocessing.standardization.fit(x)
            return ({ fitted($0) }, "standardized per coordinate with the training mean and std")
        }
        let centre = try Preprocessing.meanSubtraction.fit(x)
        let sigma = centre(x).standardDeviation
        // All-equal training images have nothing to scale: leave them centred.
        let scale = sigma > 1e-12 ? 1 / sigma : 1
        return ({ centre($0) * scale },
                "the training mean image subtracted, then divided by one std over all training pixels (σ = \(String(format: "%.3f", sigma)))")
    }

    public var inputCount: Int { split.train.featureCount }
    public var classCount: Int { split.train.classCount }
}
