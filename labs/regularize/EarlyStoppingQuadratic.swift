import COpenBLAS
import Foundation
import NNEngine

/// Figure 4b: early stopping as L2 on a quadratic (Goodfellow et al. 2016, §7.8; the cook book's
/// "similar effect as L2"), measured.
///
/// `J(w) = ½(w − w*)ᵀH(w − w*)` in D dimensions, H = Q diag(λᵢ) Qᵀ with a random rotation Q.
/// Gradient descent from w = 0 with learning rate ε, run for t steps, recovers the fraction
/// `1 − (1 − ελᵢ)ᵗ` of w*'s component along eigenvector i; the L2 minimum with strength α
/// recovers `λᵢ/(λᵢ + α)`. For ελᵢ ≪ 1 and λᵢ/α ≪ 1 both are ≈ tελᵢ, and with `α = 1/(tε)`
/// they agree at both ends; between, `1 − e^(−x)` against `x/(1 + x)` with x = tελᵢ.
/// Both are measured: the descent by iterating, the L2 minimum by solving `(H + αI)w = Hw*`
/// with LAPACK, each then projected on the eigenvectors.
public struct EarlyStoppingQuadratic: Codable, Equatable, Sendable {
    public struct Horizon: Codable, Equatable, Sendable {
        public var steps: Int
        /// α = 1/(tε).
        public var alpha: Double
        /// Per eigen-direction: measured fractions of w* recovered, and the two closed forms.
        public var descent: [Double]
        public var l2: [Double]
        public var descentClosedForm: [Double]
        public var l2ClosedForm: [Double]
        /// The largest |descent − L2| over the directions.
        public var largestGap: Double
    }

    public var dimension: Int
    public var learningRate: Double
    public var eigenvalues: [Double]
    public var horizons: [Horizon]
    /// The largest |measured − closed form| over every horizon and direction, both methods.
    public var maxFormulaError: Double

    static func compute(dimension d: Int = 16, learningRate eps: Double = 0.5, steps: [Int] = [10, 100, 1000, 10_000],
                        using stream: RandomStream) throws -> EarlyStoppingQuadratic {
        let eigen = (0..<d).map { pow(10, -4 + 4 * Double($0) / Double(d - 1)) }
        // Q: Gram–Schmidt of a Gaussian matrix, columns orthonormal.
        var draw = stream
        var q = [[Double]]()
        for _ in 0..<d {
            var v = (0..<d).map { _ in draw.normal() }
            for u in q {
                let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                v = zip(v, u).map { $0 - dot * $1 }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            q.append(v.map { $0 / norm })
        }
        var h = [Double](repeating: 0, count: d * d)
        for i in 0..<d { for j in 0..<d { h[i * d + j] = (0..<d).reduce(0) { $0 + q[$1][i] * eigen[$1] * q[$1][j] } } }
        let coefficients = (0..<d).map { _ in 1 + draw.normal() * 0.1 }
        let wStar = (0..<d).map { i in (0..<d).reduce(0) { $0 + q[$1][i] * coefficients[$1] } }
        func project(_ w: [Double]) -> [Double] {
            (0..<d).map { k in zip(q[k], w).reduce(0) { $0 + $1.0 * $1.1 } / coefficients[k] }
        }
        func hTimes(_ v: [Double]) -> [Double] { (0..<d).map { i in (0..<d).reduce(0) { $0 + h[i * d + $1] * v[$1] } } }
        let hw = hTimes(wStar)
        var horizons: [Horizon] = []
        var w = [Double](repeating: 0, count: d), done = 0
        var formulaError = 0.0
        for t in steps.sorted() {
            while done < t {
                let g = hTimes(zip(w, wStar).map { $0 - $1 })
                w = zip(w, g).map { $0 - eps * $1 }
                done += 1
            }
            let alpha = 1 / (Double(t) * eps)
            var a = h
            for i in 0..<d { a[i * d + i] += alpha }
            var b = hw
            var pivots = [Int32](repeating: 0, count: d)
            let info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, Int32(d), 1, &a, Int32(d), &pivots, &b, 1)
            guard info == 0 else { throw LabError("solving (H + αI)w = Hw* (LAPACK dgesv) failed with code \(info)") }
            let descent = project(w), l2 = project(b)
            let descentClosed = eigen.map { 1 - pow(1 - eps * $0, Double(t)) }
            let l2Closed = eigen.map { $0 / ($0 + alpha) }
            formulaError = Swift.max(formulaError, zip(descent, descentClosed).map { abs($0 - $1) }.max()!,
                                     zip(l2, l2Closed).map { abs($0 - $1) }.max()!)
            horizons.append(Horizon(steps: t, alpha: alpha, descent: descent, l2: l2, descentClosedForm: descentClosed,
                                    l2ClosedForm: l2Closed, largestGap: zip(descent, l2).map { abs($0 - $1) }.max()!))
        }
        return EarlyStoppingQuadratic(dimension: d, learningRate: eps, eigenvalues: eigen, horizons: horizons, maxFormulaError: formulaError)
    }
}
