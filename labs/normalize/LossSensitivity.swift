import Foundation
import NNEngine

/// Figure 1's second half, the 001 deck's "before normalization: classification loss very
/// sensitive to changes in weight matrix; hard to optimize": one linear classifier `s = w·x + b`
/// on two classes far from the origin, written in raw coordinates and in normalized ones
/// (`x′ = (x − μ)/σ`, `w′ = w ⊙ σ`, `b′ = b + w·μ`: the same decision function), and the logistic
/// loss when `w` (or `w′`) is rotated by a small angle θ with the bias kept.
///
/// In raw coordinates the boundary `w·x + b = 0` turns about the origin's foot point, ~|x̄| away
/// from the data, so a rotation of θ sweeps it across the data by about |x̄|·θ; in normalized
/// coordinates the data sit around the origin and the same θ barely moves the boundary at them.
public struct LossSensitivity: Codable, Sendable {
    public var trainX: [Double], trainY: [Double], labels: [Int]
    /// The fitted classifier in raw coordinates, and the same in normalized ones.
    public var rawWeight: [Double], rawBias: Double
    public var normalizedWeight: [Double], normalizedBias: Double
    public var mean: [Double], std: [Double]
    /// Rotation angles in degrees, and the mean logistic loss at each for both parametrizations.
    public var anglesDegrees: [Double]
    public var rawLoss: [Double]
    public var normalizedLoss: [Double]
    /// Accuracy at each angle.
    public var rawAccuracy: [Double]
    public var normalizedAccuracy: [Double]
    /// The loss at θ = 0, the same for both up to rounding.
    public var lossAtZero: Double
    /// `d²L/dθ²` at 0 (centred differences, θ in radians) for both: the curvature ratio is how
    /// much more sensitive the raw parametrization is.
    public var rawCurvature: Double
    public var normalizedCurvature: Double

    /// Two classes of `perClass` points each, N((8, 8) ∓ (0.5, −0.5), 0.6²I): overlapping a little,
    /// so the logistic fit stays finite, and ~11 units from the origin.
    static func data(perClass: Int, using stream: inout RandomStream) -> (x: Tensor, labels: [Int]) {
        var scalars: [Double] = [], labels: [Int] = []
        for c in 0..<2 {
            let sign = c == 0 ? -1.0 : 1.0
            for _ in 0..<perClass {
                scalars += [8 + sign * 0.5 + 0.6 * stream.normal(), 8 - sign * 0.5 + 0.6 * stream.normal()]
                labels.append(c)
            }
        }
        return (Tensor(shape: [2 * perClass, 2], scalars: scalars), labels)
    }

    /// Mean logistic loss `log(1 + e^{−y s})` (y = ±1) and accuracy of `s = w·x + b` on `x` [N, 2].
    static func loss(_ w: [Double], _ b: Double, x: Tensor, labels: [Int]) -> (loss: Double, accuracy: Double) {
        var total = 0.0, correct = 0
        for i in 0..<labels.count {
            let s = w[0] * x[i, 0] + w[1] * x[i, 1] + b
            let y = labels[i] == 1 ? 1.0 : -1.0
            // log(1 + e^{−m}) without overflow for large |m|.
            let m = y * s
            total += m > 0 ? log1p(exp(-m)) : -m + log1p(exp(m))
            if m > 0 { correct += 1 }
        }
        return (total / Double(labels.count), Double(correct) / Double(labels.count))
    }

    /// `w` rotated by θ radians.
    static func rotate(_ w: [Double], by theta: Double) -> [Double] {
        [cos(theta) * w[0] - sin(theta) * w[1], sin(theta) * w[0] + cos(theta) * w[1]]
    }

    /// Fits the classifier by full-batch gradient descent on the normalized inputs (well
    /// conditioned, so 2000 steps of 0.5 converge), then rotates both parametrizations.
    static func compute(perClass: Int = 100, using stream: RandomStream) -> LossSensitivity {
        var draw = stream.stream(.data)
        let (x, labels) = data(perClass: perClass, using: &draw)
        let n = Double(labels.count)
        let mean = (x.columnSums * (1 / n)).scalars
        let std = (0..<2).map { j in ((0..<labels.count).map { pow(x[$0, j] - mean[j], 2) }.reduce(0, +) / n).squareRoot() }
        let xn = Tensor(shape: x.shape, scalars: (0..<labels.count).flatMap { i in (0..<2).map { (x[i, $0] - mean[$0]) / std[$0] } })
        var w = [0.0, 0.0], b = 0.0
        for _ in 0..<2000 {
            var gw = [0.0, 0.0], gb = 0.0
            for i in 0..<labels.count {
                let y = labels[i] == 1 ? 1.0 : -1.0
                let s = w[0] * xn[i, 0] + w[1] * xn[i, 1] + b
                let g = -y / (1 + exp(y * s)) / n   // d/ds log(1 + e^{−ys})
                gw[0] += g * xn[i, 0]; gw[1] += g * xn[i, 1]; gb += g
            }
            w = [w[0] - 0.5 * gw[0], w[1] - 0.5 * gw[1]]
            b -= 0.5 * gb
        }
        let rawW = [w[0] / std[0], w[1] / std[1]]
        let rawB = b - rawW[0] * mean[0] - rawW[1] * mean[1]
        let angles = stride(from: -10.0, through: 10.0, by: 0.25).map { $0 }
        let raw = angles.map { loss(rotate(rawW, by: $0 * .pi / 180), rawB, x: x, labels: labels) }
        let normalized = angles.map { loss(rotate(w, by: $0 * .pi / 180), b, x: xn, labels: labels) }
        let h = 1e-3
        func curvature(_ f: (Double) -> Double) -> Double { (f(h) - 2 * f(0) + f(-h)) / (h * h) }
        return LossSensitivity(trainX: PreprocessingPictures.column(x, 0), trainY: PreprocessingPictures.column(x, 1), labels: labels,
                               rawWeight: rawW, rawBias: rawB, normalizedWeight: w, normalizedBias: b, mean: mean, std: std,
                               anglesDegrees: angles, rawLoss: raw.map(\.loss), normalizedLoss: normalized.map(\.loss),
                               rawAccuracy: raw.map(\.accuracy), normalizedAccuracy: normalized.map(\.accuracy),
                               lossAtZero: loss(rawW, rawB, x: x, labels: labels).loss,
                               rawCurvature: curvature { loss(rotate(rawW, by: $0), rawB, x: x, labels: labels).loss },
                               normalizedCurvature: curvature { loss(rotate(w, by: $0), b, x: xn, labels: labels).loss })
    }

    /// The loss at `degrees` (one of `anglesDegrees`) for both parametrizations.
    public func losses(at degrees: Double) -> (raw: Double, normalized: Double) {
        let i = anglesDegrees.firstIndex { abs($0 - degrees) < 1e-9 } ?? anglesDegrees.count / 2
        return (rawLoss[i], normalizedLoss[i])
    }
}
