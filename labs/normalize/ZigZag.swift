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
        /// The learning rate: `½ / max |xᵢ|²`, so that a step covers at most half the way to its
        /// example's solution line (it moves `w·xᵢ` by `lr |xᵢ|² (y − f) ≤ ½ (y − f)`): no step
        /// overshoots, and no lucky example lands on w* in one step.
        public var learningRate: Double
        /// Fraction of the steps whose two weight updates had the same sign.
        public var sameSignFraction: Double
        /// Steps until `‖w − w*‖ < 0.05 ‖w*‖` on the drawn path (nil: not within the run).
        public var stepsToTarget: Int?
        /// The median of the same over `orderCount` example orders (4 × `steps` steps each; one
        /// more than that when an order never got there): one order's luck aside.
        public var medianStepsToTarget: Double
        public var orderCount: Int
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

    static func compute(examples: Int = 200, steps: Int = 150, using stream: RandomStream) -> ZigZag {
        var draw = stream.stream(.data)
        let positive = (0..<examples).map { _ in [draw.uniform(), draw.uniform()] }
        let mean = [positive.map { $0[0] }.reduce(0, +) / Double(examples), positive.map { $0[1] }.reduce(0, +) / Double(examples)]
        let centred = positive.map { [$0[0] - mean[0], $0[1] - mean[1]] }
        // Order 0 draws the paths; all orders give the median steps to w*.
        let sequences = (0..<orderCount).map { k -> [Int] in
            var order = stream.stream(.shuffle(epoch: k + 1))
            return (0..<(4 * steps)).map { _ in Int(order.next() % UInt64(examples)) }
        }
        return ZigZag(target: target, exampleCount: examples, steps: steps,
                      runs: [run("all-positive inputs x ~ U(0,1)²", positive, sequences, steps: steps),
                             run("centred inputs x − x̄", centred, sequences, steps: steps)])
    }

    static let orderCount = 51

    /// The first step at which `path` is within 5% of w*, or nil.
    static func firstArrival(_ w1: [Double], _ w2: [Double]) -> Int? {
        zip(w1, w2).enumerated().first { hypot($0.element.0 - target[0], $0.element.1 - target[1]) < 0.05 * hypot(target[0], target[1]) }?.offset
    }

    /// SGD along each sequence; the first is kept as the drawn path (its first `steps` steps).
    static func run(_ name: String, _ x: [[Double]], _ sequences: [[Int]], steps: Int) -> Run {
        let lr = 0.5 / x.map { $0[0] * $0[0] + $0[1] * $0[1] }.max()!
        var arrivals: [Double] = []
        var drawn = path(x, sequences[0], lr: lr)
        for sequence in sequences {
            let p = path(x, sequence, lr: lr)
            arrivals.append(Double(firstArrival(p.w1, p.w2) ?? sequence.count + 1))
        }
        drawn.w1 = Array(drawn.w1.prefix(steps + 1))
        drawn.w2 = Array(drawn.w2.prefix(steps + 1))
        drawn.sameSign = Array(drawn.sameSign.prefix(steps))
        return describe(name, x, drawn, lr: lr, median: arrivals.sorted()[arrivals.count / 2], orders: sequences.count)
    }

    /// The weights after each step of SGD on the examples in `sequence` order, and whether each
    /// update moved both weights the same way.
    static func path(_ x: [[Double]], _ sequence: [Int], lr: Double) -> (w1: [Double], w2: [Double], sameSign: [Bool]) {
        var w = [0.0, 0.0]
        var w1 = [w[0]], w2 = [w[1]], same: [Bool] = []
        for i in sequence {
            let residual = w[0] * x[i][0] + w[1] * x[i][1] - (target[0] * x[i][0] + target[1] * x[i][1])
            let d = [-lr * residual * x[i][0], -lr * residual * x[i][1]]
            same.append(d[0] * d[1] > 0)
            w = [w[0] + d[0], w[1] + d[1]]
            w1.append(w[0]); w2.append(w[1])
        }
        return (w1, w2, same)
    }

    /// The run's record: the drawn path, the per-example gradients at w₀, the level sets.
    static func describe(_ name: String, _ x: [[Double]], _ drawn: (w1: [Double], w2: [Double], sameSign: [Bool]), lr: Double,
                         median: Double, orders: Int) -> Run {
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
        return Run(name: name, w1: drawn.w1, w2: drawn.w2, gradient1: gradients.map { $0[0] }, gradient2: gradients.map { $0[1] },
                   learningRate: lr, sameSignFraction: Double(drawn.sameSign.filter { $0 }.count) / Double(drawn.sameSign.count),
                   stepsToTarget: firstArrival(drawn.w1, drawn.w2), medianStepsToTarget: median, orderCount: orders,
                   levelX: levelX, levelY: levelY, hessianEigenvalues: [l1, l2])
    }
}
