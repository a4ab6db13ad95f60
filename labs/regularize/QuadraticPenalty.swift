import Foundation

/// Figure 2b: where the penalized minimum of a 2-D quadratic `J(w) = ½(w − w*)ᵀH(w − w*)` moves
/// as λ grows (the cook book, 003 deck), each closed form checked against a minimum found
/// numerically by iterating.
///
/// - L2, `J + ½λ‖w‖²`: `w̃ = Q Λ(Λ + λ)⁻¹ Qᵀ w*`, the projection of w* on eigenvector i scaled
///   by `λᵢ/(λᵢ + λ)`. Numerically: gradient descent with step `1/(λ_max + λ)` until the
///   gradient is below 1e-13.
/// - L1 with diagonal H, `J + λ‖w‖₁`: `w̃ᵢ = sign(w*ᵢ) max(0, |w*ᵢ| − λ/Hᵢᵢ)`, the soft threshold.
///   Numerically: proximal gradient descent (ISTA), step `1/H_max`, until the iterate stops moving.
public struct QuadraticPenalty: Codable, Equatable, Sendable {
    public struct PathPoint: Codable, Equatable, Sendable {
        public var lambda: Double
        public var closedForm: [Double]
        public var numerical: [Double]
        /// The closed form's coordinates along H's eigenvectors over w*'s (L2 only): `λᵢ/(λᵢ + λ)`.
        public var shrinkage: [Double]
        public var measuredShrinkage: [Double]
        public var iterations: Int
    }

    /// L2's quadratic: eigenvalues and eigenvectors (columns), rotated by `rotationDegrees`.
    public var l2Eigenvalues: [Double]
    public var rotationDegrees: Double
    public var l2Optimum: [Double]
    public var l2Path: [PathPoint]
    /// L1's quadratic: diagonal H.
    public var l1Diagonal: [Double]
    public var l1Optimum: [Double]
    public var l1Path: [PathPoint]
    /// The largest |closed form − numerical| over both paths.
    public var maxDiscrepancy: Double

    static func compute() -> QuadraticPenalty {
        let eigen = [1.0, 0.1], angle = 30.0
        let t = angle * .pi / 180
        let q = [[cos(t), -sin(t)], [sin(t), cos(t)]]  // columns are the eigenvectors
        let h = (0..<2).map { i in (0..<2).map { j in (0..<2).reduce(0) { $0 + q[i][$1] * eigen[$1] * q[j][$1] } } }
        let wStar = [1.0, 1.0]
        func project(_ w: [Double]) -> [Double] { (0..<2).map { k in q[0][k] * w[0] + q[1][k] * w[1] } }
        let starProjection = project(wStar)
        let l2Lambdas = (0...40).map { pow(10, -3 + 4 * Double($0) / 40) }
        let l2Path = l2Lambdas.map { lambda -> PathPoint in
            let factors = eigen.map { $0 / ($0 + lambda) }
            let closed = (0..<2).map { i in (0..<2).reduce(0) { $0 + q[i][$1] * factors[$1] * starProjection[$1] } }
            // Gradient descent on J + ½λ‖w‖²: ∇ = H(w − w*) + λw.
            var w = [0.0, 0.0], iterations = 0
            let step = 1 / (eigen.max()! + lambda)
            while iterations < 1_000_000 {
                let g = (0..<2).map { i in (0..<2).reduce(0) { $0 + h[i][$1] * (w[$1] - wStar[$1]) } + lambda * w[i] }
                if (g[0] * g[0] + g[1] * g[1]).squareRoot() < 1e-13 { break }
                w = (0..<2).map { w[$0] - step * g[$0] }
                iterations += 1
            }
            let measured = project(w)
            return PathPoint(lambda: lambda, closedForm: closed, numerical: w, shrinkage: factors,
                             measuredShrinkage: (0..<2).map { measured[$0] / starProjection[$0] }, iterations: iterations)
        }
        let diagonal = [1.0, 0.25], l1Star = [1.0, 0.6]
        let l1Path = (0...48).map { Double($0) * 0.025 }.map { lambda -> PathPoint in
            let closed = (0..<2).map { i in (l1Star[i] < 0 ? -1.0 : 1) * Swift.max(0, abs(l1Star[i]) - lambda / diagonal[i]) }
            var w = [0.0, 0.0], iterations = 0
            let step = 1 / diagonal.max()!
            while iterations < 1_000_000 {
                let next = (0..<2).map { i -> Double in
                    let v = w[i] - step * diagonal[i] * (w[i] - l1Star[i])
                    let threshold = step * lambda
                    return v > threshold ? v - threshold : (v < -threshold ? v + threshold : 0)
                }
                iterations += 1
                let moved = abs(next[0] - w[0]) + abs(next[1] - w[1])
                w = next
                if moved < 1e-15 { break }
            }
            return PathPoint(lambda: lambda, closedForm: closed, numerical: w, shrinkage: [], measuredShrinkage: [], iterations: iterations)
        }
        let discrepancy = (l2Path + l1Path).flatMap { p in zip(p.closedForm, p.numerical).map { abs($0 - $1) } }.max() ?? 0
        return QuadraticPenalty(l2Eigenvalues: eigen, rotationDegrees: angle, l2Optimum: wStar, l2Path: l2Path,
                                l1Diagonal: diagonal, l1Optimum: l1Star, l1Path: l1Path, maxDiscrepancy: discrepancy)
    }

    /// Level set `J = level` of `½(w − w*)ᵀH(w − w*)` with eigenvalues `eigen` and eigenvectors
    /// rotated by `degrees`: a closed ellipse of 97 points.
    static func ellipse(center: [Double], eigen: [Double], degrees: Double, level: Double) -> (x: [Double], y: [Double]) {
        let t = degrees * .pi / 180
        let points = (0...96).map { k -> (Double, Double) in
            let a = 2 * .pi * Double(k) / 96
            let u = (2 * level / eigen[0]).squareRoot() * cos(a), v = (2 * level / eigen[1]).squareRoot() * sin(a)
            return (center[0] + cos(t) * u - sin(t) * v, center[1] + sin(t) * u + cos(t) * v)
        }
        return (points.map(\.0), points.map(\.1))
    }
}
