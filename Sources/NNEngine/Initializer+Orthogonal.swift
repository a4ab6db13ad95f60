import COpenBLAS

extension Initializer {
    /// `gain · Q` for a weight `[rows, columns]`, after Saxe, McClelland & Ganguli (2013) and
    /// `torch.nn.init.orthogonal_`.
    ///
    /// Draw `A ~ N(0, 1)` of shape `[max, min]`, factor `A = QR` with LAPACK (`dgeqrf`, then
    /// `dorgqr` to form the `[max, min]` Q), and flip each column of Q by `sign(Rᵢᵢ)`: without that
    /// flip QR's sign convention would bias the distribution away from uniform (Haar) measure.
    /// The result has orthonormal columns if `rows ≥ columns`, orthonormal rows otherwise.
    static func orthogonalMatrix(shape: [Int], gain: Double, using generator: inout RandomStream) -> Tensor {
        precondition(shape.count == 2, "orthogonal init needs a matrix shape, got \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        let tall = rows >= columns
        let (m, n) = tall ? (rows, columns) : (columns, rows)
        guard m > 0, n > 0 else { return Tensor(zeros: shape) }
        var a = Tensor.randomNormal(shape: [m, n], using: &generator).scalars
        var tau = [Double](repeating: 0, count: n)
        var signs = [Double](repeating: 1, count: n)
        a.withUnsafeMutableBufferPointer { pa in
            tau.withUnsafeMutableBufferPointer { pt in
                let info = LAPACKE_dgeqrf(LAPACK_ROW_MAJOR, Int32(m), Int32(n), pa.baseAddress, Int32(n), pt.baseAddress)
                precondition(info == 0, "dgeqrf failed with info \(info)")
                for i in 0..<n { signs[i] = pa[i * n + i] < 0 ? -1 : 1 }
                let info2 = LAPACKE_dorgqr(LAPACK_ROW_MAJOR, Int32(m), Int32(n), Int32(n), pa.baseAddress, Int32(n), pt.baseAddress)
                precondition(info2 == 0, "dorgqr failed with info \(info2)")
            }
        }
        for i in 0..<m {
            for j in 0..<n { a[i * n + j] *= gain * signs[j] }
        }
        let q = Tensor(shape: [m, n], scalars: a)
        return tall ? q : q.transposed
    }
}
