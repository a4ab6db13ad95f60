import Foundation
import NNEngine

/// Figure 2, the 001 deck's zig-zag: a unit `f = w·x` with two weights learns `y = w*·x`
/// (w* = (1, −1)) by SGD on one example at a time, `L = ½ (f − y)²`, `∂L/∂w = (f − y) x`.
///
/// When every input is positive, `∂L/∂w` is the scalar `(f − y)` times a positive vector: both
/// components share its sign, so each step goes up-right or down-left, never towards w* (down-right)
/// directly, and the path zig-zags. Centring the same inputs (`x − x̄`) lets a step point anywhere.
public struct ZigZag: Codable, Sendable {
    /// One input set's run.
    public struct Run: Codable, Sendable {
        public var name: String
        /// The path, `w` after each step (starting at w₀ = (0, 0)).
        public var w1: [Double], w2: [Double]
        /// The per-example gradients at w₀, for the sign scatter.
        public var gradient1: [Double], gradient2: [Double]
        /// The learning rate: `1 / max |xᵢ|²`, so that no single step overshoots its example's
        /// solution line (each step moves `w·xᵢ` by `lr |xᵢ|² (y − f) ≤ (y − f)`).
        public var learningRate: Double
        /// Fraction of the steps whose two weight updates had the same sign.
        public var sameSignFraction: Double
        /// Steps until `‖w − w*‖ < 0.05 ‖w*‖` (nil: not within the run).
        public var stepsToTarget: Int?
        /// Level sets of `L(w) = ½ (w − w*)ᵀ H (w − w*)`, H = mean xxᵀ: closed curves as x, y lists.
        public var levelX: [[Double]], levelY: [[Double]]
        /// The eigenvalues of H, largest first: their ratio is the valley's elongation.
        public var hessianEigenvalues: [Double]
    }

    public var target: [Double]
    public var exampleCount: Int
    public var steps: Int
    /// Inputs U(0, 1)² (all positive), then the same inputs centred.
    public var runs: [Run]

    static let target = [1.0, -1.0]

    static func compute(examples: Int = 200, steps: Int = 80, using stream: RandomStream) -> ZigZag {
        var draw = stream.stream(.data)
        let positive = (0..<examples).map { _ in [draw.uniform(), draw.uniform()] }
        let mean = [positive.map { $0[0] }.reduce(0, +) / Double(examples), positive.map { $0[1] }.reduce(0, +) / Double(examples)]
        let centred = positive.map { [$0[0] - mean[0], $0[1] - mean[1]] }
        var order = stream.stream(.shuffle(epoch: 1))
        let sequence = (0..<steps).map { _ in Int(order.next() % UInt64(examples)) }
        return ZigZag(target: target, exampleCount: examples, steps: steps,
                      runs: [run("all-positive inputs x ~ U(0,1)²", positive, sequence), run("centred inputs x − x̄", centred, sequence)])
    }

    /// SGD on the examples in `sequence` order (the same order for both input sets).
    static func run(_ name: String, _ x: [[Double]], _ sequence: [Int]) -> Run {
        let lr = 1 / x.map { $0[0] * $0[0] + $0[1] * $0[1] }.max()!
        var w = [0.0, 0.0]
        var path1 = [w[0]], path2 = [w[1]]
        var sameSign = 0
        var reached: Int?
        for (step, i) in sequence.enumerated() {
            let residual = w[0] * x[i][0] + w[1] * x[i][1] - (target[0] * x[i][0] + target[1] * x[i][1])
            let d = [-lr * residual * x[i][0], -lr * residual * x[i][1]]
            if d[0] * d[1] > 0 { sameSign += 1 }
            w = [w[0] + d[0], w[1] + d[1]]
            path1.append(w[0]); path2.append(w[1])
            if reached == nil, hypot(w[0] - target[0], w[1] - target[1]) < 0.05 * hypot(target[0], target[1]) { reached = step + 1 }
        }
        let gradients = x.map { xi -> [Double] in
            let residual = -(target[0] * xi[0] + target[1] * xi[1])   // at w₀ = 0
            return [residual * xi[0], residual * xi[1]]
        }
        // H = mean x xᵀ, and its eigen-decomposition in closed form (2×2 symmetric).
        let n = Double(x.count)
        let a = x.map { $0[0] * $0[0] }.reduce(0, +) / n, b = x.map { $0[0] * $0[1] }.reduce(0, +) / n
        let c = x.map { $0[1] * $0[1] }.reduce(0, +) / n
        let half = ((a - c) * (a - c) / 4 + b * b).squareRoot()
        let l1 = (a + c) / 2 + half, l2 = (a + c) / 2 - half
        let angle = 0.5 * atan2(2 * b, a - c)   // direction of the larger eigenvalue
        let initialLoss = 0.5 * (a * 1 + 2 * b * -1 * 1 + c * 1)   // ½ w*ᵀ H w* at w₀ = 0
        var levelX: [[Double]] = [], levelY: [[Double]] = []
        for fraction in [1.0, 0.3, 0.1, 0.03] {
            let level = fraction * initialLoss
            let points = stride(from: 0.0, through: 2 * .pi + 1e-9, by: 2 * .pi / 96).map { phi -> (Double, Double) in
                // ½ (l1 u² + l2 v²) = level along the eigen-directions.
                let u = (2 * level / l1).squareRoot() * cos(phi), v = (2 * level / l2).squareRoot() * sin(phi)
                return (target[0] + u * cos(angle) - v * sin(angle), target[1] + u * sin(angle) + v * cos(angle))
            }
            levelX.append(points.map(\.0)); levelY.append(points.map(\.1))
        }
        return Run(name: name, w1: path1, w2: path2, gradient1: gradients.map { $0[0] }, gradient2: gradients.map { $0[1] },
                   learningRate: lr, sameSignFraction: Double(sameSign) / Double(sequence.count), stepsToTarget: reached,
                   levelX: levelX, levelY: levelY, hessianEigenvalues: [l1, l2])
    }
}
