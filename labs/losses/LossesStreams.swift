import NNEngine

/// The losses lab's stream purposes (see `StreamKey`).
extension StreamKey {
    /// The skewed sample of the MSE/MAE figure.
    static let skewedSample = StreamKey("skewed sample")
    /// The perceptron's inputs and labels of the error-surface figure.
    static let perceptron = StreamKey("perceptron")
}
