import Foundation
import NNEngine

/// The UCI digits split for the lab's nets: a stratified split (30% validation, 20% test, the
/// training part capped at `trainCount`), kept raw (pixels 0…16, for the jitter of figure 4) and
/// normalized with the training part's statistics only.
struct DigitsData: Sendable {
    /// The raw training digits (pixels 0…16): [N, 64].
    var rawTrain: Dataset
    /// Every part normalized: `x' = (x − μ)/σ`, μ the mean training image, σ one std over all
    /// centred training pixels (as for one colour channel: per-pixel σ would divide by almost
    /// nothing for pixels that are nearly always blank in a few hundred digits).
    var split: DatasetSplit
    var centre: Preprocessing.Fitted
    var scale: Double
    var description: String

    static let validationFraction = 0.3
    static let testFraction = 0.2

    /// - Throws: `LabError` for a missing or malformed file.
    static func load(_ file: URL, trainCount: Int, using stream: RandomStream) throws -> DigitsData {
        var shuffle = stream.stream(.split)
        let data = try DigitsDataset.load(from: file)
        let raw = try DatasetSplit.stratified(data, validationFraction: validationFraction, testFraction: testFraction,
                                              trainCount: trainCount, using: &shuffle)
        // The split deals at most what is left after validation and test: a larger count would
        // silently train on fewer digits than the parameters (and the JSON) say.
        guard raw.train.count == trainCount else {
            throw LabError("--train-count \(trainCount) is more than the \(raw.train.count) training digits left after the validation and test splits")
        }
        let centre = try Preprocessing.meanSubtraction.fit(raw.train.features)
        let sigma = centre(raw.train.features).standardDeviation
        let scale = sigma > 1e-12 ? 1 / sigma : 1
        var split = raw
        for keyPath in [\DatasetSplit.train, \DatasetSplit.validation, \DatasetSplit.test] {
            split[keyPath: keyPath] = raw[keyPath: keyPath].replacingFeatures(centre(raw[keyPath: keyPath].features) * scale)
        }
        let description = "UCI digits: \(data.count) examples; \(split.train.count) train (a deliberately small stratified subset), "
            + "\(split.validation.count) validation, \(split.test.count) test; the training mean image subtracted, then divided by one std "
            + "over all training pixels (σ = \(String(format: "%.3f", sigma)))"
        return DigitsData(rawTrain: raw.train, split: split, centre: centre, scale: scale, description: description)
    }

    /// Raw digits [N, 64] normalized like the training part.
    func normalize(_ raw: Tensor) -> Tensor {
        centre(raw) * scale
    }
}
