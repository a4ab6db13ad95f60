import NNEngine

/// The whole lab's results: one `FunctionStudy` per selected surface, and the SGD learning-rate
/// sweep when the valley is among them. Plain values; `OptimizersReport` draws them.
public struct OptimizersResult: Codable, Equatable, Sendable {
    public var configuration: OptimizersConfiguration
    public var studies: [FunctionStudy]
    public var sweep: LearningRateSweep?
}
