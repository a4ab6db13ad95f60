import Foundation
import NNEngine

/// Figure 4 (000 and 002 decks, "at least one hidden layer is a universal approximator"): one
/// hidden layer of 1, 3, 10, 50 sigmoid units fitted by full-batch Adam (MSE) to a 1-D function,
/// and how a sum of shifted sigmoids or ReLUs builds a bump, and bumps build any function.
public struct UniversalApproximationResult: Codable, Sendable {
    public struct Fit: Codable, Sendable {
        public var units: Int
        public var prediction: [Double]
        public var meanSquaredError: Double
        public var maxAbsoluteError: Double
    }

    public struct Bump: Codable, Sendable {
        public var name: String
        public var y: [Double]
    }

    /// The target, as written in the figure.
    public var target: String
    public var x: [Double]
    public var y: [Double]
    public var fits: [Fit]
    /// σ(k(x+1)) − σ(k(x−1)) for a few steepnesses k, and the ReLU hat.
    public var bumps: [Bump]
    /// The target rebuilt as a sum of `towerCount` steep sigmoid bumps, each as high as the target
    /// at its centre, and the largest error of that sum.
    public var towerCount: Int
    public var tower: [Double]
    public var towerMaxError: Double
}

enum UniversalApproximation {
    static let target = "sin(2x) + 0.3x²"
    static func f(_ x: Double) -> Double { sin(2 * x) + 0.3 * x * x }
    static let domain = -3.0...3.0

    static func run(_ c: NeuronsLabConfiguration, root: RandomStream) throws -> UniversalApproximationResult {
        let n = 200
        let xs = (0..<n).map { domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double($0) / Double(n - 1) }
        let ys = xs.map(f)
        let x = Tensor(shape: [n, 1], scalars: xs), t = Tensor(shape: [n, 1], scalars: ys)
        let fits = try Parallel.map(c.approximationUnits.count) { i -> UniversalApproximationResult.Fit in
            let units = c.approximationUnits[i]
            var g = root.stream(.fit(20 + i))
            // Input weights of scale 2 with biases spread over the domain put the sigmoid steps
            // across [−3, 3] from the start; with zero biases every step starts at x = 0.
            let first = Affine(weight: Tensor.randomNormal(shape: [1, units], std: 2, using: &g),
                               bias: Tensor.randomUniform(shape: [units], low: -6, high: 6, using: &g))
            let net = Sequential([.affine(first), .activation(.sigmoid),
                                  .affine(Affine(inputs: units, outputs: 1, initializer: .xavierNormal(), using: &g))])
            let fit = try FullBatchFit.fit(net, x: x, targets: .values(t), loss: .meanSquaredError, learningRate: 0.05, steps: c.fitSteps)
            let p = fit.model.predict(x).scalars
            return .init(units: units, prediction: p, meanSquaredError: fit.finalLoss,
                         maxAbsoluteError: zip(p, ys).map { abs($0 - $1) }.max() ?? 0)
        }
        let sigmoid = Activation.sigmoid, relu = Activation.relu
        var bumps = [1.0, 4, 20].map { k in
            UniversalApproximationResult.Bump(name: "σ(\(Int(k))(x+1)) − σ(\(Int(k))(x−1))", y: xs.map { sigmoid(k * ($0 + 1)) - sigmoid(k * ($0 - 1)) })
        }
        bumps.append(.init(name: "ReLU hat: r(x+1) − 2r(x) + r(x−1)", y: xs.map { relu($0 + 1) - 2 * relu($0) + relu($0 - 1) }))
        // The tower: `count` intervals of width w, each a bump of steepness 40/w, as high as f
        // at the interval's centre: 2·count sigmoid units, one hidden layer.
        let count = 24
        let width = (domain.upperBound - domain.lowerBound) / Double(count)
        let tower = xs.map { v in
            (0..<count).reduce(0.0) { sum, j in
                let left = domain.lowerBound + Double(j) * width
                let k = 40 / width
                return sum + f(left + width / 2) * (sigmoid(k * (v - left)) - sigmoid(k * (v - left - width)))
            }
        }
        // The error of the tower inside the domain: at the two ends the outermost bumps are half up.
        let inner = xs.indices.filter { abs(xs[$0]) < domain.upperBound - width / 2 }
        return UniversalApproximationResult(target: target, x: xs, y: ys, fits: fits, bumps: bumps, towerCount: count, tower: tower,
                                            towerMaxError: inner.map { abs(tower[$0] - ys[$0]) }.max() ?? 0)
    }
}
