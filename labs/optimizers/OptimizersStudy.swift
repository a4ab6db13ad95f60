import NNEngine

/// Runs the optimizers lab: "Visualizing the optimizers" of the `004` deck.
public enum OptimizersStudy {
    /// Validates `configuration` and runs every optimizer on every selected surface.
    ///
    /// The gradient noise of each run is its own keyed stream of `configuration.seed`: `function
    /// f / noise k` for the k-th optimizer on the f-th surface, `sweep / noise k` for the k-th
    /// learning rate, so a run is reproduced exactly by the same flags and seed.
    /// - Throws: `LabError` for a bad configuration; divergence is a result, not an error.
    public static func run(_ configuration: OptimizersConfiguration) throws -> OptimizersResult {
        try configuration.validate()
        let root = RandomStream(seed: configuration.seed)
        let studies = configuration.functions.enumerated().map { f, function in
            FunctionStudy.run(function, configuration, noise: root.stream(StreamKey("function", index: f)))
        }
        let sweep = configuration.functions.contains(.valley)
            ? LearningRateSweep.run(configuration, noise: root.stream(StreamKey("sweep"))) : nil
        return OptimizersResult(configuration: configuration, studies: studies, sweep: sweep)
    }
}
