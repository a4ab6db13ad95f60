import COpenBLAS
import NNEngine

/// Least-squares polynomial fits in the Legendre basis on [−1, 1], solved by LAPACK's QR-based
/// `dgels`.
///
/// Why Legendre: the monomials 1, x, …, x¹⁵ on [−1, 1] are nearly parallel (the Vandermonde
/// matrix's condition number passes 1e7 at degree 15), so normal equations or even QR lose most
/// digits; P₀…P₁₅ are orthogonal on [−1, 1], and the design matrix of uniformly spread points
/// stays within a few hundred. The fitted polynomial is the same either way.
enum LegendreFit {
    /// `P₀(x) … P_d(x)` by Bonnet's recurrence `(k+1)P_{k+1} = (2k+1) x P_k − k P_{k−1}`: [d + 1].
    static func basis(_ x: Double, degree d: Int) -> [Double] {
        var p = [1.0]
        if d >= 1 { p.append(x) }
        if d >= 2 {
            for k in 1..<d { p.append((Double(2 * k + 1) * x * p[k] - Double(k) * p[k - 1]) / Double(k + 1)) }
        }
        return p
    }

    /// The coefficients c [d + 1] minimizing `Σᵢ (Σₖ cₖ Pₖ(xᵢ) − yᵢ)²`; needs at least d + 1 points.
    /// - Throws: `LabError` if LAPACK reports a rank-deficient design (points repeated).
    static func fit(x: [Double], y: [Double], degree d: Int) throws -> [Double] {
        let n = x.count, m = d + 1
        precondition(n == y.count && n >= m, "\(n) points for \(m) coefficients")
        var a = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            let p = basis(x[i], degree: d)
            for k in 0..<m { a[i * m + k] = p[k] }
        }
        var b = y
        let info = a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeMutableBufferPointer { pb in
                LAPACKE_dgels(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int32(n), Int32(m), 1,
                              pa.baseAddress, Int32(m), pb.baseAddress, 1)
            }
        }
        guard info == 0 else { throw LabError("least squares (LAPACK dgels) failed with code \(info): the degree-\(d) design is rank deficient") }
        return Array(b.prefix(m))
    }

    /// `Σₖ cₖ Pₖ(x)`.
    static func evaluate(_ c: [Double], at x: Double) -> Double {
        zip(c, basis(x, degree: c.count - 1)).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
