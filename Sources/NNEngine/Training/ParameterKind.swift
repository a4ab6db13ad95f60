/// What a learnable tensor is, so that an optimizer or a regularizer can treat kinds differently
/// (weight decay and max-norm apply to weights; biases and batch-norm's γ, β are usually exempt).
public enum ParameterKind: Equatable, Hashable, Sendable {
    /// A weight matrix `W: [D, M]` (affine, maxout).
    case weight
    /// A bias vector `b: [M]`.
    case bias
    /// Batch norm's scale `γ: [D]`.
    case scale
    /// Batch norm's shift `β: [D]`.
    case shift
    /// PReLU's negative slope `a: [D]` or [1].
    case slope
}
