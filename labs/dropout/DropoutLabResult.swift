import NNEngine

/// Everything `DropoutLab.run` computed, as plain values for the report.
public struct DropoutLabResult: Sendable {
    public var configuration: DropoutLabConfiguration
    /// One line per data set: sizes, split and preprocessing.
    public var data: [String]
    /// Figure 1, one panel per data set.
    public var overfitting: [OverfittingPanel]
    /// Figure 2.
    public var scaling: ScalingEquivalence
    /// Figure 3.
    public var neuron: TwoInputNeuron
    /// Figure 4.
    public var monteCarlo: MonteCarloDropout
    /// Figure 5: the main training set's ensembles, then the small-data ones (if any).
    public var ensembles: [EnsembleStudy]
    /// Figure 6.
    public var boundaries: DecisionBoundaries
    /// How many nets were trained.
    public var trainedNets: Int
    /// The nets whose loss became NaN or ∞, in training order; empty when every run completed.
    public var divergences: [NetDivergence] = []
}
