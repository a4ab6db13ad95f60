/// What one trial measured, on the kept model (the epoch with the best validation accuracy).
public struct TrialResult: Codable, Equatable, Sendable {
    /// Accuracy and mean cross-entropy on the validation digits (the held-out fold, for
    /// cross-validation).
    public var validationAccuracy: Double
    public var validationLoss: Double
    public var trainAccuracy: Double
    /// The kept epoch (0: the initial model, when the first epoch already broke).
    public var bestEpoch: Int
    public var epochsRun: Int
    /// "loss became NaN at step 37 …" when the loss stopped being finite; nil otherwise.
    public var divergence: String?
    /// Ensemble trials: the kept model's class probabilities of each test digit, [N·C] row by row.
    public var testProbabilities: [Double]?
    public var testAccuracy: Double?
}
