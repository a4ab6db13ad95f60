import Foundation
import NNEngine

/// Figure 1 (001 deck, "activation functions"): f and f′ of every activation on [−10, 10], with
/// the lecture's questions answered by computation: f′ at x = −10, 0, 10 (saturation), the mean
/// output under z ~ N(0, 1) (zero-centred or not), and the share of the axis where f′ = 0 (the
/// dead region). f′ comes from the engine's backward pass (`Activation.derivative`, and the
/// `PReLU` and `Maxout` layers' `backward` with ∂y = 1) and is checked against centred differences.
public struct ActivationCurve: Codable, Sendable {
    /// f and f′ at one of the lecture's probe points.
    public struct Probe: Codable, Sendable {
        public var x: Double
        public var f: Double
        public var derivative: Double
    }

    public var name: String
    /// The formula and fixed parameters, as drawn.
    public var formula: String
    public var x: [Double]
    public var f: [Double]
    public var derivative: [Double]
    /// x = −10, 0, 10.
    public var probes: [Probe]
    /// E f(z) for z ~ N(0, 1), by quadrature (0 for a zero-centred output).
    public var meanOutput: Double
    /// The fraction of [−10, 10] where f′ = 0: no gradient flows there ("dead" inputs).
    public var zeroGradientFraction: Double
    /// The fraction of [−10, 10] where |f′| < 1e-3 (saturated, including dead).
    public var saturatedFraction: Double
    /// The largest relative error of f′ against centred differences (h = 1e-5) over the grid
    /// points in [−4, 4], away from kinks, and its lecture band.
    public var gradientCheckError: Double
    public var gradientCheckBand: String

    public var zeroCentred: Bool { abs(meanOutput) < 0.01 }
}

public enum ActivationGallery {
    /// One activation: its name, formula, kinks (where the centred difference straddles a corner)
    /// and f and f′ on a column of inputs [N, 1] → [N, 1].
    struct Entry {
        var name: String
        var formula: String
        var kinks: [Double]
        var evaluate: (Tensor) -> (f: Tensor, derivative: Tensor)
    }

    /// PReLU's slope and maxout's pieces are learned in training; the gallery fixes them.
    static let preluSlope = 0.25
    static let maxoutPieces = (w: [1.0, -0.5], b: [0.0, -1.0])

    static var entries: [Entry] {
        func enumEntry(_ name: String, _ formula: String, _ a: Activation, kinks: [Double] = []) -> Entry {
            Entry(name: name, formula: formula, kinks: kinks) { (a($0), a.derivative($0)) }
        }
        let prelu = PReLU(sharedSlope: preluSlope)
        let maxout = Maxout(weight: Tensor(shape: [1, 2], scalars: maxoutPieces.w), bias: Tensor(maxoutPieces.b), pieceCount: 2)
        let ones = { (x: Tensor) in Tensor(repeating: 1, shape: x.shape) }
        return [
            enumEntry("sigmoid", "σ(x) = 1/(1 + exp(−x))", .sigmoid),
            enumEntry("tanh", "tanh x", .tanh),
            enumEntry("ReLU", "max(0, x)", .relu, kinks: [0]),
            enumEntry("leaky ReLU", "max(0.01x, x)", .leakyReLU(slope: 0.01), kinks: [0]),
            Entry(name: "PReLU", formula: "max(ax, x), a = \(preluSlope) (learned)", kinks: [0]) { x in
                let (y, cache) = prelu.forward(x)
                return (y, prelu.backward(ones(y), cache: cache).input)
            },
            enumEntry("ELU", "x, or exp(x) − 1 for x ≤ 0", .elu(alpha: 1), kinks: [0]),
            enumEntry("SELU", "λ·ELU(x; α), λ≈1.0507, α≈1.6733", .selu, kinks: [0]),
            enumEntry("GELU", "x·Φ(x)", .gelu),
            enumEntry("softplus", "ln(1 + exp(x))", .softplus),
            Entry(name: "maxout", formula: "max(x, −0.5x − 1), learned", kinks: [-2.0 / 3.0]) { x in
                let (y, cache) = maxout.forward(x)
                return (y, maxout.backward(ones(y), cache: cache).input)
            },
        ]
    }

    /// Every curve on `points` inputs evenly over [−10, 10].
    public static func compute(points: Int = 401) -> [ActivationCurve] {
        let xs = (0..<points).map { -10 + 20 * Double($0) / Double(points - 1) }
        let column = Tensor(shape: [points, 1], scalars: xs)
        // Quadrature of E f(z), z ~ N(0, 1): the trapezoid rule on [−8, 8] (the tails beyond hold
        // < 1e-15 of the mass) with 1601 nodes is exact to ~1e-9 for smooth f, ~3e-6 across a kink
        // (ReLU); zero-centred means |E f| < 0.01, far above either.
        let zs = (0...1600).map { -8 + 16 * Double($0) / 1600 }
        let weights = zs.enumerated().map { i, z in
            (i == 0 || i == 1600 ? 0.5 : 1) * 0.01 * exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        }
        return entries.map { entry in
            let (f, d) = entry.evaluate(column)
            let probes = [-10.0, 0, 10].map { x -> ActivationCurve.Probe in
                let (fx, dx) = entry.evaluate(Tensor(shape: [1, 1], scalars: [x]))
                return .init(x: x, f: fx.scalars[0], derivative: dx.scalars[0])
            }
            let fz = entry.evaluate(Tensor(shape: [zs.count, 1], scalars: zs)).f.scalars
            let mean = zip(fz, weights).reduce(0) { $0 + $1.0 * $1.1 }
            let zero = Double(d.scalars.filter { $0 == 0 }.count) / Double(points)
            let saturated = Double(d.scalars.filter { abs($0) < 1e-3 }.count) / Double(points)
            let check = gradientCheck(entry, at: xs, analytic: d.scalars)
            return ActivationCurve(name: entry.name, formula: entry.formula, x: xs, f: f.scalars, derivative: d.scalars,
                                   probes: probes, meanOutput: mean, zeroGradientFraction: zero, saturatedFraction: saturated,
                                   gradientCheckError: check, gradientCheckBand: "\(GradientCheck.Band(relativeError: check))")
        }
    }

    /// Where f′ is checked: on [−4, 4]. Further out tanh′ falls below 1e-3 while tanh stays near 1,
    /// and f(x+h) − f(x−h) loses all but a few digits to rounding (ε|f|/h ≈ 2e-11 against
    /// 2h f′): the check would measure the difference quotient's rounding, not f′.
    static let checkedRange = -4.0...4.0

    /// The largest relative error of f′ against `(f(x+h) − f(x−h))/2h` over `xs` in
    /// `checkedRange`, skipping points within 2h of a kink, where the quotient averages the two
    /// one-sided slopes.
    static func gradientCheck(_ entry: Entry, at xs: [Double], analytic: [Double], h: Double = 1e-5) -> Double {
        var worst = 0.0
        for (x, a) in zip(xs, analytic) where checkedRange.contains(x) && !entry.kinks.contains(where: { abs($0 - x) <= 2 * h }) {
            let f = { (v: Double) in entry.evaluate(Tensor(shape: [1, 1], scalars: [v])).f.scalars[0] }
            worst = max(worst, GradientCheck.relativeError(a, (f(x + h) - f(x - h)) / (2 * h)))
        }
        return worst
    }
}
