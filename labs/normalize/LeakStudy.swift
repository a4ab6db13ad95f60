import Foundation
import NNEngine

/// Figure 1's leak: whitening statistics fitted on the training digits only (proper) against
/// fitted on training + validation digits (leaked), each followed by the same softmax
/// classifier trained on the training digits. Measured per split: validation and test accuracy
/// and loss of both. The test digits enter neither fit, so they say what each model is really
/// worth; the leak shows as a validation estimate that moves while the test does not, or moves
/// less: the validation set has stopped being held out.
public struct LeakStudy: Codable, Sendable {
    /// One split's measurements.
    public struct Split: Codable, Sendable {
        public var proper: Scores
        public var leaked: Scores
    }

    /// Accuracy and mean cross-entropy of a trained classifier on the validation and test digits,
    /// and how far the whitened validation and test covariances are from I (max |entry − δ|): a
    /// validation set that took part in the fit looks white, the unseen test set does not.
    public struct Scores: Codable, Sendable {
        public var validationAccuracy: Double, validationLoss: Double
        public var testAccuracy: Double, testLoss: Double
        public var validationWhiteness: Double
        public var testWhiteness: Double
        /// Validation minus test accuracy: the estimate's optimism.
        public var optimism: Double { validationAccuracy - testAccuracy }
    }

    /// Mean and sample standard deviation over the splits.
    public struct Spread: Codable, Sendable {
        public var mean: Double, std: Double
        init(_ values: [Double]) {
            let m = values.reduce(0, +) / Double(values.count)
            mean = m
            std = values.count > 1 ? (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot() : 0
        }
    }

    public var splits: [Split]
    public var trainCount: Int, validationCount: Int, testCount: Int
    public var components: Int
    public var epsilon: Double
    public var epochs: Int
    /// Over the splits: leaked − proper validation accuracy and loss, the same on the test digits,
    /// and each variant's optimism (validation − test accuracy).
    public var validationAccuracyShift: Spread, validationLossShift: Spread
    public var testAccuracyShift: Spread, testLossShift: Spread
    public var properOptimism: Spread, leakedOptimism: Spread
    /// Over the splits: max |Cov − I| of the whitened validation digits under each fit, and of the
    /// test digits under the leaked fit.
    public var properValidationWhiteness: Spread, leakedValidationWhiteness: Spread, leakedTestWhiteness: Spread

    /// Principal directions kept, and ε (pixel² units; the digits' pixel variances reach ~40):
    /// 40 of 64, so that noisy low-variance directions the 100 training digits barely estimate
    /// are whitened too, where the leak matters most.
    static let components = 40
    static let epsilon = 0.1
    static let epochs = 60

    /// Runs `splits` splits of `digits` (stream `leak split s` of `stream`), each with `trainCount`
    /// training digits, 30% validation and 20% test, the trainings in parallel.
    static func run(digits: Dataset, splits: Int, trainCount: Int, using stream: RandomStream) throws -> LeakStudy {
        let results = try Parallel.map(splits) { s -> (Split, [Int]) in
            var shuffle = stream.stream(StreamKey("leak split", index: s))
            let split = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, trainCount: trainCount, using: &shuffle)
            let pooled = Tensor(shape: [split.train.count + split.validation.count, split.train.featureCount],
                                scalars: split.train.features.scalars + split.validation.features.scalars)
            let seed = stream.stream(StreamKey("leak init", index: s)).word(at: 0)
            let proper = try scores(fitOn: split.train.features, split: split, seed: seed)
            let leaked = try scores(fitOn: pooled, split: split, seed: seed)
            return (Split(proper: proper, leaked: leaked), [split.train.count, split.validation.count, split.test.count])
        }
        let all = results.map(\.0)
        return LeakStudy(splits: all, trainCount: results[0].1[0], validationCount: results[0].1[1], testCount: results[0].1[2],
                         components: components, epsilon: epsilon, epochs: epochs,
                         validationAccuracyShift: Spread(all.map { $0.leaked.validationAccuracy - $0.proper.validationAccuracy }),
                         validationLossShift: Spread(all.map { $0.leaked.validationLoss - $0.proper.validationLoss }),
                         testAccuracyShift: Spread(all.map { $0.leaked.testAccuracy - $0.proper.testAccuracy }),
                         testLossShift: Spread(all.map { $0.leaked.testLoss - $0.proper.testLoss }),
                         properOptimism: Spread(all.map { $0.proper.optimism }), leakedOptimism: Spread(all.map { $0.leaked.optimism }),
                         properValidationWhiteness: Spread(all.map { $0.proper.validationWhiteness }),
                         leakedValidationWhiteness: Spread(all.map { $0.leaked.validationWhiteness }),
                         leakedTestWhiteness: Spread(all.map { $0.leaked.testWhiteness }))
    }

    /// Whitening fitted on `fitInputs`, applied to every part; a softmax classifier trained on the
    /// whitened training digits (the same initial weights and shuffles for both variants), scored
    /// after its last epoch (no early stopping, which would look at the validation digits too).
    static func scores(fitOn fitInputs: Tensor, split: DatasetSplit, seed: UInt64) throws -> Scores {
        let axes = try PrincipalAxes(fitting: fitInputs, epsilon: epsilon)
        func white(_ d: Dataset) -> Dataset { d.replacingFeatures(axes.apply(d.features, stage: .whitened, components: components)) }
        let train = white(split.train), validation = white(split.validation), test = white(split.test)
        var generator = RandomStream(seed: seed, path: .initialization)
        let model = Sequential([.affine(Affine(inputs: components, outputs: train.classCount, initializer: .xavierNormal(gain: 0.1),
                                               using: &generator))])
        let configuration = TrainingConfiguration(epochs: epochs, batchSize: 32, optimizer: OptimizerConfiguration(kind: .adam(), learningRate: 0.01),
                                                  regularizer: .l2(1e-3), seed: seed)
        let result = try Trainer.train(model, on: train, configuration: configuration)
        let v = Trainer.evaluate(result.finalModel, on: validation, loss: configuration.loss)
        let t = Trainer.evaluate(result.finalModel, on: test, loss: configuration.loss)
        func whiteness(_ x: Tensor) -> Double {
            let covariance = PrincipalAxes.covariance(x)
            var worst = 0.0
            for i in 0..<components { for j in 0..<components { worst = Swift.max(worst, abs(covariance[i, j] - (i == j ? 1 : 0))) } }
            return worst
        }
        return Scores(validationAccuracy: v.accuracy, validationLoss: v.loss, testAccuracy: t.accuracy, testLoss: t.loss,
                      validationWhiteness: whiteness(validation.features), testWhiteness: whiteness(test.features))
    }
}
