import Foundation
import NNEngine

/// The data a babysitting run watches a net learn: the UCI digits (8×8 images, so the first
/// layer's weights can be drawn as images) or a seeded 2-D set.
public enum BabysitDataset: Equatable, Sendable {
    case digits
    case synthetic(SyntheticDataset)

    /// Parses `digits` or a name of `SyntheticDataset.names`.
    /// - Throws: `LabError` for an unknown name.
    public init(parsing name: String) throws {
        if name.lowercased() == "digits" { self = .digits; return }
        let set = try SyntheticDataset.named(name)
        try set.validate()
        self = .synthetic(set)
    }

    public var name: String {
        switch self {
        case .digits: return "digits"
        case .synthetic(let set): return set.name
        }
    }

    /// The side of the square image an input is, when it is one (8 for the digits).
    public var imageSide: Int? { self == .digits ? 8 : nil }
}

/// The data split three ways and standardized with the training statistics.
struct PreparedSplit: Sendable {
    var train: Dataset
    var validation: Dataset
    var test: Dataset
    var description: String

    static let validationFraction = 0.2
    static let testFraction = 0.2

    /// Loads or draws the examples, splits them stratified (stream `split`) and standardizes every
    /// part with the training part's mean and one standard deviation over all features (the
    /// digits are one-channel images: a per-pixel σ would blow up nearly blank border pixels).
    static func prepare(_ choice: BabysitDataset, digitsFile: URL, using stream: RandomStream) throws -> PreparedSplit {
        var draw = stream.stream(.data)
        var shuffle = stream.stream(.split)
        let data: Dataset
        switch choice {
        case .digits: data = try DigitsDataset.load(from: digitsFile)
        case .synthetic(let set): data = set.generate(using: &draw)
        }
        let split = try DatasetSplit.stratified(data, validationFraction: validationFraction, testFraction: testFraction,
                                                trainCount: nil, using: &shuffle)
        let centre = try Preprocessing.meanSubtraction.fit(split.train.features)
        let sigma = centre(split.train.features).standardDeviation
        let scale = sigma > 1e-12 ? 1 / sigma : 1
        func normalize(_ d: Dataset) -> Dataset { d.replacingFeatures(centre(d.features) * scale) }
        let description = "\(choice.name): \(data.count) examples, \(data.classCount) classes; \(split.train.count) train, "
            + "\(split.validation.count) validation, \(split.test.count) test; the training mean subtracted, divided by one std over all training features"
        return PreparedSplit(train: normalize(split.train), validation: normalize(split.validation), test: normalize(split.test),
                             description: description)
    }
}
