import NNEngine

/// The dropout lab's stream purposes (see `StreamKey`): every random number of the lab comes
/// from `RandomStream(seed:)` followed by one of these paths.
extension StreamKey {
    /// The per-net seeds, two per training job in job order (`TrainingJob`).
    static let jobSeeds = StreamKey("job seeds")
    /// Figure 3's random weights and inputs for the two-input neuron.
    static let neuron = StreamKey("neuron")
    /// Data set `i` of the lab: 0 the main set (and, with the same stream, figure 5's small
    /// subset of it), 1 the 2-D set of figures 1 and 6.
    static func dataset(_ i: Int) -> StreamKey { StreamKey("dataset", index: i) }
}
