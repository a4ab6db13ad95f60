import NNEngine

/// One scheme's forward and backward pass through the deep net (see `InitStudy`), everything its
/// statistics are computed from. Layer l (0-based here) computes `zₗ = hₗ Wₗ` and `hₗ₊₁ = f(zₗ)`.
struct SchemePass {
    /// `h₀ = x`, then each layer's output: depth + 1 tensors [batch, width].
    var activations: [Tensor]
    /// `f′(zₗ)` of each layer, [batch, width].
    var derivatives: [Tensor]
    /// `dL/dzₗ = dL/dhₗ₊₁ ⊙ f′(zₗ)` of each layer, [batch, width]; with `activations[l]` it gives
    /// the weight gradient `dL/dWₗ = hₗᵀ·dL/dzₗ`.
    var localGradients: [Tensor]
    /// The std of `dL/dhₗ₊₁`, the gradient reaching each layer's output.
    var outputGradientStds: [Double]
    /// The std of each layer's weights.
    var weightStds: [Double]
}
