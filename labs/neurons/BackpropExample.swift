import Foundation
import NNEngine

/// Figure 6 (002 deck, "backpropagation"; 000 deck, "gradient checks"): a 2-2-1 sigmoid net on one
/// example, L = (y − t)², with every forward value and every backward delta ∂L/∂(node) computed by
/// hand-written backprop, checked against the engine's `Sequential.backward` and against centred
/// differences (`GradientCheck`).
public struct BackpropExampleResult: Codable, Sendable {
    /// A node of the graph: its forward value and its delta ∂L/∂(node).
    public struct Node: Codable, Sendable {
        public var name: String
        public var value: Double
        public var delta: Double
    }

    /// A weight or bias: its value, the hand-backprop gradient, and the centred difference.
    public struct Parameter: Codable, Sendable {
        public var name: String
        public var value: Double
        public var gradient: Double
        public var numerical: Double
        public var relativeError: Double
    }

    public var input: [Double]
    public var target: Double
    public var nodes: [Node]
    public var parameters: [Parameter]
    /// max |hand gradient − engine gradient| over every parameter.
    public var engineMaxDifference: Double
    /// The worst relative error against centred differences (h = 1e-5), and its lecture band.
    public var maxRelativeError: Double
    public var band: String
}

/// The worked example's fixed numbers (a classic hand-checkable setting: small inputs, weights
/// 0.15…0.45); nothing is random.
struct TinyNet {
    var w1 = [[0.15, 0.25], [0.20, 0.30]] // [input i][hidden j]
    var b1 = [0.35, 0.35]
    var w2 = [0.40, 0.45]                 // [hidden j]
    var b2 = 0.60
    static let x = [0.05, 0.10]
    static let t = 0.01

    /// The parameters as one flat list, in the figure's order: w₁₁ w₁₂ w₂₁ w₂₂ b₁ b₂ v₁ v₂ c.
    var flat: [Double] {
        get { w1[0] + w1[1] + b1 + w2 + [b2] }
        set {
            w1 = [[newValue[0], newValue[1]], [newValue[2], newValue[3]]]
            b1 = [newValue[4], newValue[5]]
            w2 = [newValue[6], newValue[7]]
            b2 = newValue[8]
        }
    }
    static let names = ["w₁₁", "w₁₂", "w₂₁", "w₂₂", "b₁", "b₂", "v₁", "v₂", "c"]

    /// The loss in any floating-point type, for the step-size sweep in float32 and float64.
    func loss<T: SweepScalar>(_ type: T.Type, replacing index: Int? = nil, with value: T = 0) -> T {
        var p = flat.map { T($0) }
        if let index { p[index] = value }
        let x = Self.x.map { T($0) }
        let h = (0..<2).map { j in T.sigmoid(x[0] * p[j] + x[1] * p[2 + j] + p[4 + j]) }
        let y = T.sigmoid(h[0] * p[6] + h[1] * p[7] + p[8])
        return (y - T(Self.t)) * (y - T(Self.t))
    }

    /// Forward values and backward deltas by hand, node by node.
    func backprop() -> (nodes: [BackpropExampleResult.Node], gradient: [Double]) {
        let x = Self.x, sigmoid = Activation.sigmoid
        let z = (0..<2).map { j in x[0] * w1[0][j] + x[1] * w1[1][j] + b1[j] }
        let h = z.map { sigmoid($0) }
        let z3 = h[0] * w2[0] + h[1] * w2[1] + b2
        let y = sigmoid(z3)
        let loss = (y - Self.t) * (y - Self.t)
        let dy = 2 * (y - Self.t)
        let dz3 = dy * y * (1 - y)             // σ′ = σ(1 − σ)
        let dh = w2.map { dz3 * $0 }
        let dz = (0..<2).map { dh[$0] * h[$0] * (1 - h[$0]) }
        let dx = (0..<2).map { i in dz[0] * w1[i][0] + dz[1] * w1[i][1] }
        let nodes: [BackpropExampleResult.Node] = [
            .init(name: "x₁", value: x[0], delta: dx[0]), .init(name: "x₂", value: x[1], delta: dx[1]),
            .init(name: "z₁", value: z[0], delta: dz[0]), .init(name: "z₂", value: z[1], delta: dz[1]),
            .init(name: "h₁", value: h[0], delta: dh[0]), .init(name: "h₂", value: h[1], delta: dh[1]),
            .init(name: "z₃", value: z3, delta: dz3), .init(name: "y", value: y, delta: dy), .init(name: "L", value: loss, delta: 1),
        ]
        let gradient = [dz[0] * x[0], dz[1] * x[0], dz[0] * x[1], dz[1] * x[1], dz[0], dz[1], dz3 * h[0], dz3 * h[1], dz3]
        return (nodes, gradient)
    }

    /// The same net in the engine's layers.
    var sequential: Sequential {
        Sequential([.affine(Affine(weight: Tensor(matrix: w1), bias: Tensor(b1))), .activation(.sigmoid),
                    .affine(Affine(weight: Tensor(shape: [2, 1], scalars: w2), bias: Tensor([b2]))), .activation(.sigmoid)])
    }
}

enum BackpropExample {
    static func run() -> BackpropExampleResult {
        let net = TinyNet()
        let (nodes, gradient) = net.backprop()
        // The engine: MSE over one output of one example is exactly (y − t)².
        var engine = net.sequential
        var unused = RandomStream(seed: 0)
        let x = Tensor(shape: [1, 2], scalars: TinyNet.x), t = Tensor(shape: [1, 1], scalars: [TinyNet.t])
        let (y, cache) = engine.forward(x, mode: .training, using: &unused)
        let engineGradient = engine.backward(Loss.meanSquaredError(y, .values(t)).gradient, cache: cache).parameters
        // Engine order: W₁ (row-major, = w₁₁ w₁₂ w₂₁ w₂₂), b₁, W₂ (v₁ v₂), b₂ (c): the flat order.
        let engineFlat = engineGradient.flatMap(\.scalars)
        let engineDifference = zip(engineFlat, gradient).map { abs($0 - $1) }.max() ?? 0
        let report = GradientCheck.check({ p in
            var changed = net
            changed.flat = p.scalars
            return changed.loss(Double.self)
        }, at: Tensor(net.flat), analytic: Tensor(gradient))
        let parameters = net.flat.indices.map { i -> BackpropExampleResult.Parameter in
            let numerical = GradientCheck.centeredDifference({ p in
                var changed = net
                changed.flat = p.scalars
                return changed.loss(Double.self)
            }, at: Tensor(net.flat), index: i)
            return .init(name: TinyNet.names[i], value: net.flat[i], gradient: gradient[i], numerical: numerical,
                         relativeError: GradientCheck.relativeError(gradient[i], numerical))
        }
        return BackpropExampleResult(input: TinyNet.x, target: TinyNet.t, nodes: nodes, parameters: parameters,
                                     engineMaxDifference: engineDifference, maxRelativeError: report.maxRelativeError,
                                     band: "\(report.band)")
    }
}
