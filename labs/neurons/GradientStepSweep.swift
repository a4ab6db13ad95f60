import Foundation
import NNEngine

/// Figure 7 (000 deck, "gradient checks: use the centered formula"): the relative error of a
/// numerical derivative of the worked example's loss w.r.t. one weight, against the step h, for
/// one-sided (f(w+h) − f(w))/h and centred (f(w+h) − f(w−h))/2h differences in float64 and
/// float32. Each curve is a V on log-log axes: truncation error falls as h (one-sided) or h²
/// (centred) to the right, rounding error ≈ ε|f|/h grows to the left.
public struct GradientStepSweepResult: Codable, Sendable {
    public struct Curve: Codable, Sendable {
        public var name: String
        public var relativeError: [Double]
        /// The step with the smallest error, and that error.
        public var bestStep: Double
        public var bestError: Double
        /// The fitted log-log slope on the truncation side (expected 1 one-sided, 2 centred).
        public var truncationSlope: Double
    }

    public var parameter: String
    /// The exact gradient (float64 backprop, checked above).
    public var analytic: Double
    public var steps: [Double]
    public var curves: [Curve]
}

enum GradientStepSweep {
    /// The swept parameter: v₁, the first hidden-to-output weight.
    static let index = 6

    static func run() -> GradientStepSweepResult {
        let net = TinyNet()
        let analytic = net.backprop().gradient[index]
        let steps = (0...52).map { pow(10, -0.25 * Double($0)) } // 1 down to 1e-13
        func curve<T: SweepScalar>(_ type: T.Type, centred: Bool, name: String) -> GradientStepSweepResult.Curve {
            let w = T(net.flat[index])
            let errors = steps.map { h -> Double in
                let step = T(h)
                let numerical: Double
                if centred {
                    numerical = Double(net.loss(T.self, replacing: index, with: w + step) - net.loss(T.self, replacing: index, with: w - step)) / (2 * h)
                } else {
                    numerical = Double(net.loss(T.self, replacing: index, with: w + step) - net.loss(T.self)) / h
                }
                return GradientCheck.relativeError(analytic, numerical)
            }
            let best = errors.indices.min { errors[$0] < errors[$1] }!
            // The slope over the steps from 10× the best up to 1: log error against log h.
            let side = steps.indices.filter { steps[$0] >= 10 * steps[best] && errors[$0] > 0 }
            let slope = side.count >= 2
                ? (log10(errors[side.first!]) - log10(errors[side.last!])) / (log10(steps[side.first!]) - log10(steps[side.last!]))
                : .nan
            return .init(name: name, relativeError: errors, bestStep: steps[best], bestError: errors[best], truncationSlope: slope)
        }
        return GradientStepSweepResult(parameter: TinyNet.names[index], analytic: analytic, steps: steps, curves: [
            curve(Double.self, centred: true, name: "centred, float64"), curve(Double.self, centred: false, name: "one-sided, float64"),
            curve(Float.self, centred: true, name: "centred, float32"), curve(Float.self, centred: false, name: "one-sided, float32"),
        ])
    }
}
