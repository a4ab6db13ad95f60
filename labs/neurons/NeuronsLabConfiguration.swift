import Foundation
import NNEngine

/// What `lab neurons` computes: the sizes of its six experiments and the seed.
public struct NeuronsLabConfiguration: Codable, Equatable, Sendable {
    /// Hidden-unit counts of the 1-D universal-approximation fits (the 1, 3, 10, 50).
    public var approximationUnits = [1, 3, 10, 50]
    /// Full-batch Adam steps of every small fit (XOR, the linear net, the 1-D fits).
    public var fitSteps = 2000
    /// Points of the XOR set (uniform on [−1, 1]², class "the two signs differ").
    public var xorPoints = 200
    /// Seeds (independent inits and shuffles) of the ReLU-vs-tanh speed study and the dead-ReLU sweep.
    public var speedSeeds = 5
    /// SGD epochs of each speed-study net on the spiral.
    public var speedEpochs = 60
    /// Hidden units per layer of the speed-study nets.
    public var speedHidden = 64
    /// Hidden layers of the speed-study nets.
    public var speedDepth = 4
    /// SGD learning rate of the speed study (the same for ReLU and tanh).
    public var speedLearningRate = 0.05
    /// The training loss both activations must reach; epochs to it are compared.
    public var targetLoss = 0.6
    /// Learning rates of the dead-ReLU sweep, smallest first; the largest ones are "too large".
    public var deadLearningRates = [0.01, 0.1, 1, 3, 10]
    public var seed: UInt64 = 0

    public init() {}

    /// - Throws: `LabError` naming the first bad value.
    public func validate() throws {
        guard !approximationUnits.isEmpty, approximationUnits.allSatisfy({ (1...4096).contains($0) }) else {
            throw LabError("--units must be whole numbers from 1 to 4096, e.g. 1,3,10,50")
        }
        guard (1...1_000_000).contains(fitSteps) else { throw LabError("--fit-steps must be from 1 to 1000000, got \(fitSteps)") }
        guard (4...100_000).contains(xorPoints) else { throw LabError("--xor-points must be from 4 to 100000, got \(xorPoints)") }
        guard (1...100).contains(speedSeeds) else { throw LabError("--seeds must be from 1 to 100, got \(speedSeeds)") }
        guard (1...10_000).contains(speedEpochs) else { throw LabError("--epochs must be from 1 to 10000, got \(speedEpochs)") }
        guard (1...16).contains(speedDepth) else { throw LabError("--depth must be from 1 to 16, got \(speedDepth)") }
        guard (1...4096).contains(speedHidden) else { throw LabError("--hidden must be from 1 to 4096, got \(speedHidden)") }
        guard speedLearningRate.isFinite && speedLearningRate > 0 else {
            throw LabError("--lr must be a positive number, got \(speedLearningRate)")
        }
        guard targetLoss.isFinite && targetLoss > 0 else { throw LabError("--target-loss must be a positive number, got \(targetLoss)") }
        guard !deadLearningRates.isEmpty, deadLearningRates.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw LabError("--dead-lr must be positive numbers, e.g. 0.01,0.1,1,3,10")
        }
    }
}
