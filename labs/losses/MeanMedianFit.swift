import Foundation
import NNEngine

/// Figure 4 (003 deck, "linear outputs + MSE / MAE"): fitting one constant c to a skewed sample,
/// MSE's minimizer is the sample mean and MAE's the median ("f* would resemble the median of y").
/// The constant is fitted by gradient descent (Adam) on the engine's `meanSquaredError` and
/// `meanAbsoluteError`, and compared with the mean and median computed directly.
public struct MeanMedianResult: Codable, Sendable {
    public var distribution: String
    public var sampleSize: Int
    public var mean: Double
    public var median: Double
    public var fittedMSE: Double
    public var fittedMAE: Double
    /// The path of c over the steps, for both fits.
    public var mseTrajectory: [Double]
    public var maeTrajectory: [Double]
    /// Histogram of the sample: bin centres and densities.
    public var binCentres: [Double]
    public var density: [Double]
    /// Both losses over a grid of constants.
    public var constants: [Double]
    public var mseCurve: [Double]
    public var maeCurve: [Double]
}

enum MeanMedianFit {
    /// Log-normal: exp(N(0, 0.75²)), mean e^{0.28} ≈ 1.32, median 1: skewed to the right.
    static let sigma = 0.75

    static func run(_ c: LossesLabConfiguration, root: RandomStream) throws -> MeanMedianResult {
        var g = root.stream(.skewedSample)
        let sample = (0..<c.sampleSize).map { _ in exp(sigma * g.normal()) }
        let targets = Tensor(shape: [sample.count, 1], scalars: sample)
        let sorted = sample.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let mean = sample.reduce(0, +) / Double(sample.count)
        func fit(_ loss: Loss) throws -> [Double] {
            // Adam with a decaying rate: MAE's gradient is ±1 on each side of the median, so a
            // constant rate would leave c hopping around it by about the rate.
            var optimizer = try OptimizerConfiguration(kind: .adam(), learningRate: 0.05).makeOptimizer()
            var constant = Tensor([0.0])
            var path: [Double] = []
            for step in 0..<c.fitSteps {
                optimizer.learningRate = 0.05 / (1 + Double(step) / 100)
                let prediction = Tensor(repeating: constant.scalars[0], shape: [sample.count, 1])
                let gradient = loss(prediction, .values(targets)).gradient.sum
                optimizer.step(&constant, gradient: Tensor([gradient]))
                path.append(constant.scalars[0])
            }
            return path
        }
        let msePath = try fit(.meanSquaredError), maePath = try fit(.meanAbsoluteError)
        let top = sorted[Int(0.99 * Double(sorted.count - 1))]
        let bins = 40
        let width = top / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for v in sample where v < top { counts[min(bins - 1, Int(v / width))] += 1 }
        let constants = (0...200).map { 3 * Double($0) / 200 }
        let mseCurve = constants.map { k in Loss.meanSquaredError(Tensor(repeating: k, shape: [sample.count, 1]), .values(targets)).value }
        let maeCurve = constants.map { k in Loss.meanAbsoluteError(Tensor(repeating: k, shape: [sample.count, 1]), .values(targets)).value }
        return MeanMedianResult(distribution: "log-normal exp(N(0, \(sigma)²))", sampleSize: sample.count, mean: mean, median: median,
                                fittedMSE: msePath.last!, fittedMAE: maePath.last!, mseTrajectory: msePath, maeTrajectory: maePath,
                                binCentres: (0..<bins).map { (Double($0) + 0.5) * width },
                                density: counts.map { $0 / (Double(sample.count) * width) },
                                constants: constants, mseCurve: mseCurve, maeCurve: maeCurve)
    }
}
