import Foundation
import NNEngine

/// What `lab losses` computes: the sizes of its six experiments and the seed.
public struct LossesLabConfiguration: Codable, Equatable, Sendable {
    /// Draws of the skewed (log-normal) sample that MSE and MAE fit a constant to.
    public var sampleSize = 1000
    /// Gradient steps of the constant fits and of the KL fits.
    public var fitSteps = 2000
    /// Training examples of the single perceptron whose L2 and KL surfaces are drawn (the deck: 100).
    public var perceptronExamples = 100
    /// Cells per side of the error-surface grid.
    public var surfaceGrid = 121
    /// The surface's weights span [−range, range]².
    public var surfaceRange = 10.0
    public var seed: UInt64 = 0

    public init() {}

    /// - Throws: `LabError` naming the first bad value.
    public func validate() throws {
        guard (2...10_000_000).contains(sampleSize) else { throw LabError("--sample-size must be from 2 to 10000000, got \(sampleSize)") }
        guard (1...1_000_000).contains(fitSteps) else { throw LabError("--fit-steps must be from 1 to 1000000, got \(fitSteps)") }
        guard (2...1_000_000).contains(perceptronExamples) else {
            throw LabError("--examples must be from 2 to 1000000, got \(perceptronExamples)")
        }
        guard (5...1000).contains(surfaceGrid) else { throw LabError("--grid must be from 5 to 1000, got \(surfaceGrid)") }
        guard surfaceRange.isFinite && surfaceRange > 0 && surfaceRange <= 1000 else {
            throw LabError("--range must be a positive number up to 1000, got \(surfaceRange)")
        }
    }
}
