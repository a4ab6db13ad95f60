import NNEngine

/// A corner of one hidden layer's activations and weight gradients, small enough to draw cell by
/// cell: what "the symmetry is never broken" looks like. Under constant weights every unit (a
/// column) computes the same value for each input (a row) and every unit's incoming weights get
/// the same gradient, so each row is one colour; under random weights every cell differs.
public struct SymmetrySample: Codable, Equatable, Sendable {
    /// The layer sampled (1-based): the second, a hidden layer whose input is itself a layer.
    public var layer: Int
    /// `hₗ[i, j]` for the first inputs i (rows) and units j (columns).
    public var activations: [[Double]]
    /// `dL/dWₗ[i, j]` for the first input weights i (rows) and units j (columns).
    public var weightGradients: [[Double]]

    /// Rows and columns drawn.
    static let rows = 12, columns = 24

    /// The sample of layer `layer` from its activations [batch, width] and dW [width, width].
    static func take(layer: Int, activations h: Tensor, weightGradient dW: Tensor) -> SymmetrySample {
        func corner(_ t: Tensor) -> [[Double]] {
            (0..<Swift.min(rows, t.shape[0])).map { i in (0..<Swift.min(columns, t.shape[1])).map { t[i, $0] } }
        }
        return SymmetrySample(layer: layer, activations: corner(h), weightGradients: corner(dW))
    }
}
