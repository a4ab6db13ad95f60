import COpenBLAS
import Foundation

/// Input preprocessing, fitted on the training set only and then applied unchanged to the
/// validation and test sets (CS231n: "the mean must be computed only over the training data").
///
/// | case | `x′ =` | shape |
/// |---|---|---|
/// | `none` | `x` | [N, D] |
/// | `meanSubtraction` | `x − μ` | [N, D] |
/// | `standardization` | `(x − μ) / σ` (σ = 1 where a feature is constant) | [N, D] |
/// | `pca(k)` | `(x − μ) U_k` | [N, k] |
/// | `whitening(k)` | `(x − μ) U_k / √(λ_k + ε)` | [N, k] |
///
/// `U_k` holds the top k eigenvectors of the training covariance `Σ = Xcᵀ Xc / N` (LAPACK's
/// symmetric eigensolver `dsyev`), `λ_k` their eigenvalues; `ε = 1e-5` keeps directions with
/// almost no variance from being blown up to unit variance (the cook book's PCA whitening).
public enum Preprocessing: Equatable, Hashable, Sendable {
    case none
    case meanSubtraction
    case standardization
    case pca(components: Int)
    case whitening(components: Int)

    /// Parses `none`, `center`, `standardize`, `pca:K`, `whiten:K`.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: ":").map(String.init)
        let k = parts.count == 2 ? Int(parts[1]) : nil
        switch (parts.first ?? "", parts.count, k) {
        case ("none", 1, _): self = .none
        case ("center", 1, _): self = .meanSubtraction
        case ("standardize", 1, _): self = .standardization
        case ("pca", 2, let k?) where k > 0: self = .pca(components: k)
        case ("whiten", 2, let k?) where k > 0: self = .whitening(components: k)
        default: throw LabError("unknown preprocessing '\(text)'; valid: none, center, standardize, pca:K, whiten:K (K ≥ 1)")
        }
    }

    /// The regularizer added to each eigenvalue before whitening divides by its square root.
    public static let whiteningEpsilon = 1e-5

    /// The statistics fitted on training data, applied with `callAsFunction`.
    public struct Fitted: Equatable, Sendable {
        public let kind: Preprocessing
        /// μ: [D].
        public let mean: Tensor
        /// Per-feature divisor σ: [D] (all ones unless standardizing).
        public let scale: Tensor
        /// `U_k`, or `U_k / √(λ_k + ε)` when whitening: [D, k]; nil without PCA.
        public let projection: Tensor?
        /// The covariance eigenvalues, largest first: [D] (empty without PCA).
        public let eigenvalues: [Double]

        /// Applies the fitted transform to `x` [N, D], giving [N, D] or [N, k].
        public func callAsFunction(_ x: Tensor) -> Tensor {
            precondition(x.rank == 2 && x.shape[1] == mean.count,
                         "preprocessing fitted on \(mean.count) features, given \(x.shape)")
            if kind == .none { return x }
            let centered = x.broadcastOverRows(mean, -).broadcastOverRows(scale, /)
            guard let projection else { return centered }
            return Tensor.matmul(centered, projection)
        }
    }

    /// Fits the statistics on the training inputs `x` [N, D].
    /// - Throws: `LabError` if more components are asked for than there are features, or if the
    ///   eigensolver fails.
    public func fit(_ x: Tensor) throws -> Fitted {
        precondition(x.rank == 2 && x.shape[0] > 0, "preprocessing needs training inputs [N, D], got \(x.shape)")
        let (n, d) = (x.shape[0], x.shape[1])
        let mean = x.columnSums * (1 / Double(n))
        let ones = Tensor(repeating: 1, shape: [d])
        switch self {
        case .none:
            return Fitted(kind: self, mean: Tensor(zeros: [d]), scale: ones, projection: nil, eigenvalues: [])
        case .meanSubtraction:
            return Fitted(kind: self, mean: mean, scale: ones, projection: nil, eigenvalues: [])
        case .standardization:
            let centered = x.broadcastOverRows(mean, -)
            // A constant feature (the digits' always-blank corner pixels) has σ = 0: leave it at 0
            // rather than divide by zero.
            let std = (centered * centered).columnSums.map { v in
                let s = (v / Double(n)).squareRoot()
                return s > 1e-12 ? s : 1
            }
            return Fitted(kind: self, mean: mean, scale: std, projection: nil, eigenvalues: [])
        case .pca(let k), .whitening(let k):
            guard k <= d else { throw LabError("\(k) principal components asked for, but the data has \(d) features") }
            let centered = x.broadcastOverRows(mean, -)
            let covariance = Tensor.matmul(centered, centered, transposeA: true) * (1 / Double(n))
            let (values, vectors) = try Preprocessing.symmetricEigen(covariance)
            // dsyev returns ascending eigenvalues; take the last k columns, largest first.
            var projection = [Double](repeating: 0, count: d * k)
            for j in 0..<k {
                let source = d - 1 - j
                let divisor = isWhitening ? (Swift.max(values[source], 0) + Preprocessing.whiteningEpsilon).squareRoot() : 1
                for i in 0..<d { projection[i * k + j] = vectors[i, source] / divisor }
            }
            return Fitted(kind: self, mean: mean, scale: ones, projection: Tensor(shape: [d, k], scalars: projection),
                          eigenvalues: values.reversed())
        }
    }

    var isWhitening: Bool {
        if case .whitening = self { return true }
        return false
    }

    /// Eigenvalues (ascending) and eigenvectors (as columns, [D, D]) of a symmetric matrix, through
    /// LAPACK's `dsyev`.
    static func symmetricEigen(_ matrix: Tensor) throws -> (values: [Double], vectors: Tensor) {
        let d = matrix.shape[0]
        var a = matrix.scalars
        var w = [Double](repeating: 0, count: d)
        let info = a.withUnsafeMutableBufferPointer { pa in
            w.withUnsafeMutableBufferPointer { pw in
                LAPACKE_dsyev(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")),
                              Int32(d), pa.baseAddress, Int32(d), pw.baseAddress)
            }
        }
        guard info == 0 else { throw LabError("the eigensolver (LAPACK dsyev) failed with code \(info)") }
        return (w, Tensor(shape: [d, d], scalars: a))
    }
}
