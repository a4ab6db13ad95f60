import NNEngine

/// Everything the babysitting lab measured, as plain values for the report.
public struct BabysitResult: Sendable {
    public var configuration: BabysitConfiguration
    var data: String
    var trainCount: Int
    var classCount: Int
    var sanity: SanityChecks
    var finders: [LearningRateFinder]
    var curves: [LossCurve]
    var inside: InsideTheNet
    var schedules: [ScheduleRun]
    var noise: [GradientNoise]
    var batches: [BatchRun]
    public var trainedNets: Int
}

/// Figure 4: the good run seen from inside.
struct InsideTheNet: Codable, Sendable {
    /// "layer 1 (64→64)", … per weight matrix.
    var layers: [String]
    /// `[step][layer]`.
    var ratios: [[Double]]
    var stepsPerEpoch: Int
    /// The median ratio of each layer over the run.
    var medianRatios: [Double]
    var probes: [ProbeSummary]
    /// The gradient histograms count `∂L/∂h / gradientUnit` (a power of ten).
    var gradientUnit: Double
    /// The first layer's weights [D₀, M] at init and at the end, unit by unit (columns), when the
    /// inputs are images.
    var firstLayerInitial: [[Double]]
    var firstLayerFinal: [[Double]]
    var imageSide: Int?
    /// Dead units of every figure-3 run's final net on the probe set.
    var deadAtEndOfEachRun: [DeadUnits] = []
}

/// One run's dead ReLUs per hidden layer.
struct DeadUnits: Codable, Sendable {
    var run: String
    var dead: [Int]
    var units: [Int]
}

/// One probe as histograms (shared bins per layer across epochs) and dead-unit counts.
struct ProbeSummary: Codable, Sendable {
    var epoch: Int
    var activationHistograms: [Histogram]
    var gradientHistograms: [Histogram]
    var activationMeans: [Double]
    var activationStds: [Double]
    var gradientStds: [Double]
    var deadUnits: [Int]
    var units: [Int]
}
