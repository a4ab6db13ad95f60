import NNEngine

/// What one layer of one scheme looks like after the forward and backward pass.
///
/// Layer `l` computes `zₗ = hₗ₋₁ Wₗ` and `hₗ = f(zₗ)`; the backward pass gives `dL/dWₗ = hₗ₋₁ᵀ (dL/dhₗ ⊙ f′(zₗ))`.
public struct LayerStatistics: Codable, Equatable, Sendable {
    /// 1-based layer index.
    public var layer: Int
    /// Mean and population std of the activations `hₗ` over the batch and the units.
    public var activationMean: Double
    public var activationStd: Double
    /// Fraction of activations within 1% of a bounded activation's limits (|h| > 0.99 for tanh);
    /// `nil` for activations without both limits.
    public var saturatedFraction: Double?
    /// Fraction of activations exactly zero (dead ReLU units for this batch).
    public var zeroFraction: Double
    /// Mean of the local gradient `f′(zₗ)`: near zero when units saturate.
    public var localGradientMean: Double
    /// The largest spread `maxⱼ hᵢⱼ − minⱼ hᵢⱼ` across the units of one input: exactly zero when
    /// every unit computes the same thing (constant init).
    public var unitSpread: Double
    /// The std of the weights actually drawn.
    public var weightStd: Double
    /// Mean and std of `dL/dWₗ`.
    public var weightGradientMean: Double
    public var weightGradientStd: Double
    /// Std of the gradient `dL/dhₗ` flowing into this layer's output.
    public var outputGradientStd: Double
    /// The largest spread `maxᵢ (maxⱼ dL/dWᵢⱼ − minⱼ dL/dWᵢⱼ)` across the units j of the gradients
    /// of one input weight i: exactly zero when every unit gets the same update (constant init
    /// below the last layer), so the units stay identical after any number of steps.
    public var weightGradientUnitSpread: Double
}
