import Foundation
import NNEngine

/// A data set split into training, validation and test parts and standardized with statistics
/// of the training part only.
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
    /// standardizes every part with the training mean and standard deviation.
    /// - Throws: `LabError` for a missing or malformed file, or a split with an empty part.
    public static func prepare(_ choice: DatasetChoice, trainCount: Int, digitsFile: URL,
                               using generator: inout Xoshiro256StarStar) throws -> PreparedData {
        var draw = generator.split()
        var shuffle = generator.split()
        let data = try choice.load(digitsFile: digitsFile, using: &draw)
        let cap: Int? = choice.isPlanar ? nil : trainCount
        var split = try DatasetSplit.stratified(data, validationFraction: validationFraction, testFraction: testFraction,
                                                trainCount: cap, using: &shuffle)
        let fitted = try Preprocessing.standardization.fit(split.train.features)
        split.train = split.train.replacingFeatures(fitted(split.train.features))
        split.validation = split.validation.replacingFeatures(fitted(split.validation.features))
        split.test = split.test.replacingFeatures(fitted(split.test.features))
        let description = "\(choice.name): \(data.count) examples, \(data.classCount) classes; \(split.train.count) train"
            + "\(cap != nil ? " (a deliberately small subset)" : ""), \(split.validation.count) validation, \(split.test.count) test; "
            + "standardized with the training mean and std"
        return PreparedData(name: choice.name, isPlanar: choice.isPlanar, split: split, description: description)
    }

    public var inputCount: Int { split.train.featureCount }
    public var classCount: Int { split.train.classCount }
}
