/// Whether a network is learning or predicting: the two layers whose forward pass differs are
/// dropout (masks at training, none at inference) and batch norm (batch statistics at training,
/// running estimates at inference).
public enum Mode: Equatable, Hashable, Sendable {
    /// Fit the parameters: sample dropout masks, normalize with batch statistics and update the
    /// running estimates.
    case training
    /// Predict: deterministic, each example's output independent of the rest of the batch.
    case inference
}
