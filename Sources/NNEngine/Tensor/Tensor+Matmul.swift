import COpenBLAS

extension Tensor {
    /// Matrix product `C = op(A) · op(B)` through BLAS `dgemm`, where `op(X)` is `X` or `Xᵀ`.
    ///
    /// Shapes: `op(A)`: [M, K], `op(B)`: [K, N], `C`: [M, N].
    /// A forward pass is `matmul(x, W)`; the weight gradient is `matmul(x, dy, transposeA: true)`
    /// and the input gradient `matmul(dy, W, transposeB: true)`, with no transpose ever copied.
    public static func matmul(_ a: Tensor, _ b: Tensor,
                              transposeA: Bool = false, transposeB: Bool = false, scale: Double = 1) -> Tensor {
        var c = Tensor(zeros: [0])
        matmul(a, b, transposeA: transposeA, transposeB: transposeB, scale: scale, into: &c)
        return c
    }

    /// `C = op(A) · op(B)` written into `result`, reusing its storage when it already has `M·N`
    /// elements (numpy's `out=`): a loop of big products then touches no fresh memory.
    ///
    /// With `accumulating`, `C ← C + op(A) · op(B)` (dgemm's β = 1) into a `result` that must
    /// already be [M, N]: an affine layer starts `C` as the bias rows and saves a pass over `C`.
    /// `scale` multiplies the product (dgemm's α): `C = s · op(A) · op(B)`, for a matrix known as
    /// `s` times one already in memory.
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
                              scale: Double = 1, into result: inout Tensor, accumulating: Bool = false) {
        precondition(a.rank == 2 && b.rank == 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(k == kb, "matmul inner dimensions differ: op(A) is [\(m), \(k)], op(B) is [\(kb), \(n)]")
        if accumulating {
            precondition(result.shape == [m, n], "matmul accumulating into \(result.shape), expected [\(m), \(n)]")
        } else if result.count != m * n {
            // dgemm with β = 0 overwrites every element, so fresh storage needs no zeroing.
            result.scalars = Tensor.uninitializedScalars(count: m * n)
        }
        result.shape = [m, n]
        guard m > 0, n > 0, k > 0 else {
            if !accumulating { for i in result.scalars.indices { result.scalars[i] = 0 } }
            return
        }
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                result.scalars.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasRowMajor,
                                transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k),
                                scale, pa.baseAddress, Int32(a.shape[1]),
                                pb.baseAddress, Int32(b.shape[1]),
                                accumulating ? 1.0 : 0.0, pc.baseAddress, Int32(n))
                }
            }
        }
    }
}
