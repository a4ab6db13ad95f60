import Foundation
import NNEngine

/// Everything a `lab babysit` run depends on. Defaults: the UCI digits, a 64-64 ReLU net, SGD with
/// momentum 0.9 at lr 0.01, minibatches of 32, 20 epochs per training.
public struct BabysitConfiguration: Sendable {
    /// The data set: the UCI digits, or a seeded 2-D set (spiral, circles, moons, xor, blobs).
    public var dataset: BabysitDataset = .digits
    /// Hidden layer sizes.
    public var hidden: [Int] = [64, 64]
    /// The update rule of the "good" run, whose learning rate is `learningRate`.
    public var optimizer: OptimizerKind = .momentum(mu: 0.9)
    public var learningRate = 0.01
    /// Epochs of every training (the learning-rate finder counts steps instead).
    public var epochs = 20
    public var batchSize = 32
    /// The schedules of figure 5, after the constant rate; empty: the lecture's set, sized to the run.
    public var schedules: [LearningRateSchedule] = []
    /// The learning-rate finder's sweep, log-spaced, and its number of steps.
    public var finderRange: ClosedRange<Double> = 1e-6...10
    public var finderSteps = 300
    /// L2 strength λ of the "good" run (`½λΣW²`, weights only); figure 3's fifth panel uses none.
    public var regularization = 1e-3
    public var seed: UInt64 = 0
    public var digitsFile: URL = BabysitConfiguration.defaultDigitsFile

    public init() {}

    /// The shipped digits, found from this source file: `labs/babysit/../data/digits.csv.gz`.
    public static let defaultDigitsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/digits.csv.gz")

    /// The optimizer of the "good" run: `optimizer` at `learningRate`, constant rate.
    public var optimizerConfiguration: OptimizerConfiguration {
        OptimizerConfiguration(kind: optimizer, learningRate: learningRate)
    }

    /// Checks every number before any work.
    /// - Throws: `LabError` naming the bad option.
    public func validate() throws {
        guard !hidden.isEmpty, hidden.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else {
            throw LabError("--hidden needs 1 to 4096 units per layer, got \(hidden.map(String.init).joined(separator: ","))")
        }
        guard (1...1000).contains(epochs) else { throw LabError("--epochs must be 1 to 1000, got \(epochs)") }
        guard batchSize >= 1 else { throw LabError("--batch-size must be at least 1, got \(batchSize)") }
        try optimizerConfiguration.validate()
        for schedule in schedules { try schedule.validate() }
        let (low, high) = (finderRange.lowerBound, finderRange.upperBound)
        guard low.isFinite && high.isFinite && low > 0 else {
            throw LabError("--lr-range must be positive and finite, got \(low),\(high)")
        }
        guard high > low else { throw LabError("--lr-range is empty: \(low),\(high) (give LOW,HIGH with LOW < HIGH)") }
        guard finderSteps >= 10 else { throw LabError("--finder-steps must be at least 10, got \(finderSteps)") }
        guard regularization.isFinite && regularization >= 0 else {
            throw LabError("regularization λ must be finite and ≥ 0, got \(regularization)")
        }
    }

    /// The `--lr-range` spelling `LOW,HIGH`.
    /// - Throws: `LabError` for anything but two numbers.
    public static func parseRange(_ text: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1] else {
            throw LabError("--lr-range '\(text)': expected LOW,HIGH, e.g. 1e-6,10")
        }
        guard low.isFinite && high.isFinite && low > 0 && high > 0 else {
            throw LabError("--lr-range '\(text)': learning rates must be positive and finite")
        }
        guard low < high else { throw LabError("--lr-range '\(text)' is empty: LOW must be below HIGH") }
        return low...high
    }
}
