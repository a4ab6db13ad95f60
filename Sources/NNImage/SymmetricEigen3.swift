import Foundation

/// Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations (Golub & Van Loan
/// §8.5): `A = V · diag(λ) · Vᵀ`, eigenvalues in decreasing order, `vectors[i]` the unit
/// eigenvector of `values[i]`.
///
/// Jacobi rather than LAPACK's `dsyev`: for 3×3 it converges in a handful of sweeps to full
/// precision and keeps the colour code free of BLAS.
public struct SymmetricEigen3: Equatable, Sendable {
    public var values: [Double]
    public var vectors: [[Double]]

    /// Decomposes `matrix`, row-major, 9 values, symmetric.
    public init(_ matrix: [Double]) {
        precondition(matrix.count == 9, "SymmetricEigen3 needs a 3×3 matrix, got \(matrix.count) values")
        var a = matrix
        var v: [Double] = [1, 0, 0, 0, 1, 0, 0, 0, 1]
        for _ in 0..<50 {
            let off = a[1] * a[1] + a[2] * a[2] + a[5] * a[5]
            if off < 1e-30 * max(1e-300, a[0] * a[0] + a[4] * a[4] + a[8] * a[8]) { break }
            for (p, q) in [(0, 1), (0, 2), (1, 2)] where a[p * 3 + q] != 0 {
                // The rotation angle that zeroes a[p][q], in the stable form θ = (a_qq − a_pp) / 2a_pq,
                // t = sign(θ) / (|θ| + √(θ² + 1)).
                let theta = (a[q * 3 + q] - a[p * 3 + p]) / (2 * a[p * 3 + q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<3 {
                    let (akp, akq) = (a[k * 3 + p], a[k * 3 + q])
                    a[k * 3 + p] = c * akp - s * akq
                    a[k * 3 + q] = s * akp + c * akq
                }
                for k in 0..<3 {
                    let (apk, aqk) = (a[p * 3 + k], a[q * 3 + k])
                    a[p * 3 + k] = c * apk - s * aqk
                    a[q * 3 + k] = s * apk + c * aqk
                }
                for k in 0..<3 {
                    let (vkp, vkq) = (v[k * 3 + p], v[k * 3 + q])
                    v[k * 3 + p] = c * vkp - s * vkq
                    v[k * 3 + q] = s * vkp + c * vkq
                }
            }
        }
        let order = [0, 1, 2].sorted { a[$0 * 3 + $0] > a[$1 * 3 + $1] }
        values = order.map { a[$0 * 3 + $0] }
        vectors = order.map { j in [v[j], v[3 + j], v[6 + j]] }
    }
}
