import NNEngine

/// Runs the optimizers lab: "Visualizing the optimizers" of the `004` deck.
public enum OptimizersStudy {
    /// Validates `configuration` and runs every optimizer on every selected surface.
    ///
    /// The gradient noise of each run is its own stream, split from one generator seeded with
    /// `configuration.seed` in a fixed order (surfaces, then optimizers, then the sweep), so a
    /// run is reproduced exactly by the same flags and seed.
    /// - Throws: `LabError` for a bad configuration; divergence is a result, not an error.
    public static func run(_ configuration: OptimizersConfiguration) throws -> OptimizersResult {
        try configuration.validate()
        var noise = Xoshiro256StarStar(seed: configuration.seed)
        let studies = configuration.functions.map { FunctionStudy.run($0, configuration, noise: &noise) }
        let sweep = configuration.functions.contains(.valley) ? LearningRateSweep.run(configuration, noise: &noise) : nil
        return OptimizersResult(configuration: configuration, studies: studies, sweep: sweep)
    }
}
