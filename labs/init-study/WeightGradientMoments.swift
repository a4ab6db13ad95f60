import NNEngine

/// The mean and std of a weight gradient `dW = Hᵀ D` ([width, width]) computed from the two thin
/// factors `H`, `D` ([batch, width]) without forming `dW`.
///
/// With batch B ≪ width these cost O(B²·width) instead of O(width²):
/// - `Σᵢⱼ dWᵢⱼ = Σₙ (Σᵢ Hₙᵢ)(Σⱼ Dₙⱼ)`
/// - `Σᵢⱼ dWᵢⱼ² = ‖Hᵀ D‖²_F = ⟨H Hᵀ, D Dᵀ⟩_F`, the Frobenius product of two B×B Gram matrices.
///
/// The init study needs every layer's gradient spread before it can histogram any of them on a
/// shared axis, and its statistics; this gets both without extra passes over the big matrices.
/// The tests check it against the directly computed mean and std.
struct WeightGradientMoments {
    let mean: Double
    let standardDeviation: Double

    init(input h: Tensor, localGradient d: Tensor) {
        let count = Double(h.shape[1]) * Double(d.shape[1])
        let rowSums = (0..<h.shape[0]).map { (h.row($0).sum, d.row($0).sum) }
        let sum = rowSums.reduce(0) { $0 + $1.0 * $1.1 }
        let gramH = Tensor.matmul(h, h, transposeB: true)
        let gramD = Tensor.matmul(d, d, transposeB: true)
        let sumOfSquares = (gramH * gramD).sum
        mean = sum / count
        // Clamp: the subtraction can go a hair below zero in rounding when all entries are equal.
        standardDeviation = Swift.max(0, sumOfSquares / count - mean * mean).squareRoot()
    }
}
