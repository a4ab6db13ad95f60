import Foundation
import NNEngine

/// Figure 6 (004 deck, "L2 or KL"): the L2 divergence ½(σ(w·x) − d)² and the KL divergence
/// (binary cross-entropy) of a single sigmoid perceptron with 2 inputs, averaged over 100 random
/// examples, as functions of the two weights: "L2 divergence is not convex while KL is convex;
/// however, L2 also has a unique global minimum". Non-convexity is measured, not asserted: the
/// Hessian's smaller eigenvalue from second differences at every interior grid point.
public struct PerceptronSurfaceResult: Codable, Sendable {
    public struct Surface: Codable, Sendable {
        public var name: String
        /// values[j][i] at (w₁ = axis[i], w₂ = axis[j]).
        public var values: [[Double]]
        /// The grid point with the smallest value.
        public var minimum: [Double]
        public var minimumValue: Double
        /// The share of interior grid points where the Hessian has an eigenvalue below
        /// −`curvatureTolerance` (not convex there), and those points.
        public var nonConvexFraction: Double
        public var nonConvexPoints: [[Double]]
        public var smallestEigenvalue: Double
        /// The worst relative error of the analytic gradient against centred differences at a
        /// few weights.
        public var gradientCheck: Double
    }

    public var teacher: [Double]
    public var examples: Int
    public var axis: [Double]
    public var surfaces: [Surface]
    public var curvatureTolerance: Double
}

enum PerceptronSurface {
    /// The labels' generating weights: d ~ Bernoulli(σ(w*·x)), so the classes overlap and KL has
    /// a finite minimum.
    static let teacher = [2.0, -1.0]
    /// Second differences of values O(1) on steps ~0.17 carry rounding of ~1e-14: anything below
    /// −1e-9 is curvature, not noise.
    static let curvatureTolerance = 1e-9

    static func run(_ c: LossesLabConfiguration, root: RandomStream) -> PerceptronSurfaceResult {
        var g = root.stream(.perceptron)
        let n = c.perceptronExamples
        let x = Tensor.randomNormal(shape: [n, 2], using: &g)
        let labels = (0..<n).map { i -> Double in
            let p = Activation.sigmoid(teacher[0] * x[i, 0] + teacher[1] * x[i, 1])
            return g.uniform(0, 1) < p ? 1 : 0
        }
        let d = Tensor(shape: [n, 1], scalars: labels)
        // The engine's losses on the scores z = x w: L2 through `SigmoidMSE`, KL through BCE with
        // logits; gradients w.r.t. w by the chain rule ∂L/∂w = xᵀ ∂L/∂z.
        func l2(_ w: [Double]) -> (Double, [Double]) {
            let z = Tensor.matmul(x, Tensor(shape: [2, 1], scalars: w))
            let r = SigmoidMSE.loss(z, d)
            let dz = r.gradient * (1 / Double(n))
            return (r.value.reduce(0, +) / Double(n), Tensor.matmul(x, dz, transposeA: true).scalars)
        }
        func kl(_ w: [Double]) -> (Double, [Double]) {
            let z = Tensor.matmul(x, Tensor(shape: [2, 1], scalars: w))
            let r = Loss.binaryCrossEntropyWithLogits(z, .values(d))
            return (r.value, Tensor.matmul(x, r.gradient, transposeA: true).scalars)
        }
        let size = c.surfaceGrid, range = c.surfaceRange
        let axis = (0..<size).map { -range + 2 * range * Double($0) / Double(size - 1) }
        // Every grid point at once: the weights as the columns of W [2, G²], the scores
        // S = (X W)ᵀ [G², N], and the engine's losses on S against d in every row: a loss's
        // per-example value is the mean over a row's N columns, the surface at that w.
        let grid = axis.flatMap { w2 in axis.map { w1 in (w1, w2) } }
        let weights = Tensor(shape: [2, grid.count], scalars: grid.map(\.0) + grid.map(\.1))
        let scores = Tensor.matmul(x, weights).transposed
        let targets = Tensor(rowsRepeating: Tensor(labels), count: grid.count)
        let l2Values = SigmoidMSE.loss(scores, targets).value
        let klValues = Loss.binaryCrossEntropyWithLogits(scores, .values(targets)).perExample
        func rows(_ v: [Double]) -> [[Double]] { (0..<size).map { Array(v[($0 * size)..<(($0 + 1) * size)]) } }
        let surfaces = [surface("L2: ½(σ(w·x) − d)²", axis: axis, values: rows(l2Values), { l2($0).0 }, gradient: { l2($0).1 }),
                        surface("KL: −d log σ − (1−d) log(1−σ)", axis: axis, values: rows(klValues), { kl($0).0 }, gradient: { kl($0).1 })]
        return PerceptronSurfaceResult(teacher: teacher, examples: n, axis: axis, surfaces: surfaces, curvatureTolerance: curvatureTolerance)
    }

    /// One surface's summary from its `values` [G][G] (row j: w₂ = axis[j]); `f` and `gradient`
    /// evaluate single weights for the gradient check.
    static func surface(_ name: String, axis: [Double], values: [[Double]], _ f: ([Double]) -> Double,
                        gradient: ([Double]) -> [Double]) -> PerceptronSurfaceResult.Surface {
        var best = (0, 0)
        for j in axis.indices { for i in axis.indices where values[j][i] < values[best.1][best.0] { best = (i, j) } }
        let h = axis[1] - axis[0]
        var nonConvex: [[Double]] = [], smallest = Double.infinity, interior = 0
        for j in 1..<(axis.count - 1) {
            for i in 1..<(axis.count - 1) {
                let v = values
                let a = (v[j][i + 1] - 2 * v[j][i] + v[j][i - 1]) / (h * h)
                let b = (v[j + 1][i] - 2 * v[j][i] + v[j - 1][i]) / (h * h)
                let cross = (v[j + 1][i + 1] - v[j + 1][i - 1] - v[j - 1][i + 1] + v[j - 1][i - 1]) / (4 * h * h)
                // The smaller eigenvalue of [[a, c], [c, b]].
                let lambda = (a + b) / 2 - (((a - b) / 2) * ((a - b) / 2) + cross * cross).squareRoot()
                smallest = min(smallest, lambda)
                interior += 1
                if lambda < -curvatureTolerance { nonConvex.append([axis[i], axis[j]]) }
            }
        }
        let probes = [[0.5, -0.3], [3, 2], [-4, 6], [8, -8]]
        let check = probes.map { w in
            GradientCheck.check({ f($0.scalars) }, at: Tensor(w), analytic: Tensor(gradient(w))).maxRelativeError
        }.max() ?? 0
        return .init(name: name, values: values, minimum: [axis[best.0], axis[best.1]], minimumValue: values[best.1][best.0],
                     nonConvexFraction: Double(nonConvex.count) / Double(interior), nonConvexPoints: nonConvex,
                     smallestEigenvalue: smallest, gradientCheck: check)
    }
}
