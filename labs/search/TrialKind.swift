/// Which study a trial belongs to, and so which stage runs it: stage 1's trials depend only on
/// (seed, index); stage 2 (the fine stage) on stage 1's coarse results; stage 3 (cross-validation
/// and the ensemble) on the coarse and fine results.
public enum TrialKind: String, Codable, CaseIterable, Sendable {
    /// Figure 1: a point of the grid, and a random point, over learning rate × an unimportant decay.
    case grid, random
    /// Figure 2: log-uniform and uniform samples of learning rate and weight decay.
    case logUniform = "log-uniform", uniform
    /// Figure 3: the wide stage, then the narrow one around the best coarse trials.
    case coarse, fine
    /// Figure 4: one fold of k-fold cross-validation of a top configuration.
    case crossValidation = "cross-validation"
    /// Figure 5: a top configuration retrained with its own seeds, predicting the test digits.
    case ensemble

    /// The stage that runs this kind: 1, 2 or 3.
    public var stage: Int {
        switch self {
        case .grid, .random, .logUniform, .uniform, .coarse: return 1
        case .fine: return 2
        case .crossValidation, .ensemble: return 3
        }
    }

    /// The number of stages.
    public static let stageCount = 3
}
