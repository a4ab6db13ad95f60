import Foundation
import NNEngine

// The init-study section's row for one layer's weight-gradient statistics: dL/dW = hᵀ·dz
// ([4096, 4096] from two [16, 4096] factors) formed by dgemm and then binned, as the study did,
// against `ProductSummary`, which bins it (and takes its row ranges) tile by tile without
// forming it, on one thread. The first is the process's CPU time, every thread (OpenBLAS's and
// the histogram's workers), the second this thread's: OpenBLAS's idle workers keep spinning for
// a moment after a product, and that should not be billed to the tiles.

func weightGradientSummaryRow() {
    var stream = RandomStream(seed: 6)
    let h = Tensor.randomNormal(shape: [16, 4096], using: &stream), dz = Tensor.randomNormal(shape: [16, 4096], using: &stream)
    var dW = Tensor(zeros: [0])
    let formed = medianProcessUsage(5) {
        Tensor.matmul(h, dz, transposeA: true, into: &dW)
        _ = dW.histogram(bins: 60, lower: -16, upper: 16)
    }
    let tiled = medianThreadCPUTime(5) { _ = ProductSummary(h, dz, bins: 60, lower: -16, upper: 16) }
    row("dL/dW 4096² histogram + ranges, tiles (1 core)", String(format: "%.1f ms CPU", tiled * 1e3),
        String(format: "dgemm into 128 MB + histogram: %.1f ms CPU (%.1f wall); ratio %.2f", formed.cpu * 1e3, formed.wall * 1e3, tiled / formed.cpu))
}
