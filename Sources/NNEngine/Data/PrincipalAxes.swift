import Foundation

/// The preprocessing pictures of the 001 and 003 decks as one fitted transform: the training
/// mean μ [D], per-feature std σ [D], and the eigen-decomposition `Σ = U diag(λ) Uᵀ` of the training
/// covariance `Σ = Xcᵀ Xc / N` (LAPACK `dsyev`), eigenvalues largest first.
///
/// | `Stage` | `x′ =` | shape |
/// |---|---|---|
/// | `raw` | `x` | [N, D] |
/// | `centred` | `x − μ` | [N, D] |
/// | `normalized` | `(x − μ) / σ` | [N, D] |
/// | `decorrelated` | `(x − μ) U_k` | [N, k] |
/// | `whitened` | `(x − μ) U_k / √(λ_k + ε)` | [N, k] |
///
/// Unlike `Preprocessing.whitening`, ε is the caller's: with ε = 0 the whitened training inputs
/// have exactly the identity covariance (up to rounding), which is what the pictures show and the
/// tests check; a classifier on many near-constant pixels wants ε > 0 so that noise directions
/// are not blown up to unit variance.
///
/// Every statistic comes from the training inputs given to `init`; applying the transform to
/// validation inputs uses them unchanged (CS231n: "the mean must be computed only over the
/// training data").
public struct PrincipalAxes: Equatable, Sendable {
    /// One picture of the decks' preprocessing sequence.
    public enum Stage: String, CaseIterable, Codable, Sendable {
        case raw, centred, normalized, decorrelated, whitened
    }

    /// μ: [D].
    public let mean: Tensor
    /// σ: [D], the biased (1/N) std; 1 where a feature is constant, so that it stays at 0.
    public let std: Tensor
    /// λ: [D], the covariance eigenvalues, largest first (negative rounding clamped to 0).
    public let eigenvalues: [Double]
    /// U: [D, D], the eigenvectors as columns in `eigenvalues` order, each signed so that its
    /// largest-magnitude entry is positive (LAPACK's sign is arbitrary; this makes it stable).
    public let eigenvectors: Tensor
    /// ε added to each eigenvalue before whitening divides by its square root.
    public let epsilon: Double

    /// Fits the statistics on the training inputs `x` [N, D] (N ≥ 1).
    /// - Throws: `LabError` if the eigensolver fails or `epsilon` is negative or not finite.
    public init(fitting x: Tensor, epsilon: Double = 0) throws {
        precondition(x.rank == 2 && x.shape[0] > 0, "principal axes need training inputs [N, D], got \(x.shape)")
        guard epsilon >= 0 && epsilon.isFinite else { throw LabError("whitening ε must be a finite number ≥ 0, got \(epsilon)") }
        let (n, d) = (x.shape[0], x.shape[1])
        mean = x.columnSums * (1 / Double(n))
        let centred = x.broadcastOverRows(mean, -)
        std = (centred * centred).columnSums.map { v in
            let s = (v / Double(n)).squareRoot()
            return s > 1e-12 ? s : 1
        }
        let covariance = Tensor.matmul(centred, centred, transposeA: true) * (1 / Double(n))
        let (ascending, vectors) = try Preprocessing.symmetricEigen(covariance)
        var columns = [Double](repeating: 0, count: d * d)
        for j in 0..<d {
            let source = d - 1 - j
            // The sign that makes the largest-magnitude entry positive (the first such on a tie).
            var largest = 0.0
            for i in 0..<d where abs(vectors[i, source]) > abs(largest) { largest = vectors[i, source] }
            let sign: Double = largest < 0 ? -1 : 1
            for i in 0..<d { columns[i * d + j] = sign * vectors[i, source] }
        }
        eigenvalues = ascending.reversed().map { Swift.max($0, 0) }
        eigenvectors = Tensor(shape: [d, d], scalars: columns)
        self.epsilon = epsilon
    }

    /// D, the number of input features.
    public var featureCount: Int { mean.count }

    /// The inputs `x` [N, D] at `stage`, keeping the top `components` principal directions for
    /// the two PCA stages (all D by default): [N, D], or [N, k] for `decorrelated`/`whitened`.
    public func apply(_ x: Tensor, stage: Stage, components: Int? = nil) -> Tensor {
        precondition(x.rank == 2 && x.shape[1] == featureCount, "principal axes fitted on \(featureCount) features, given \(x.shape)")
        let k = components ?? featureCount
        precondition((1...featureCount).contains(k), "\(k) components asked of \(featureCount)")
        switch stage {
        case .raw: return x
        case .centred: return x.broadcastOverRows(mean, -)
        case .normalized: return x.broadcastOverRows(mean, -).broadcastOverRows(std, /)
        case .decorrelated, .whitened:
            let d = featureCount
            var projection = [Double](repeating: 0, count: d * k)
            for j in 0..<k {
                let divisor = stage == .whitened ? (eigenvalues[j] + epsilon).squareRoot() : 1
                for i in 0..<d { projection[i * k + j] = eigenvectors[i, j] / divisor }
            }
            return Tensor.matmul(x.broadcastOverRows(mean, -), Tensor(shape: [d, k], scalars: projection))
        }
    }

    /// The (1/N) covariance of `x` [N, D] about its own mean: [D, D]. What the pictures measure.
    public static func covariance(_ x: Tensor) -> Tensor {
        let n = Double(x.shape[0])
        let centred = x.broadcastOverRows(x.columnSums * (1 / n), -)
        return Tensor.matmul(centred, centred, transposeA: true) * (1 / n)
    }
}
