import Foundation
import NNEngine

/// Everything `lab losses` computed, one value per figure.
public struct LossesLabResult: Sendable {
    public var configuration: LossesLabConfiguration
    public var outputGradients: OutputGradientResult
    public var softplus: SoftplusIdentityResult
    public var hinge: HingeExampleResult
    public var meanMedian: MeanMedianResult
    public var kl: GaussianKLResult
    public var surfaces: PerceptronSurfaceResult
}

/// The losses lab (003, 004 and 000 decks): which loss for which output, and why. Computing only:
/// nothing is printed or drawn.
public enum LossesLab {
    /// Runs the six experiments; `progress` gets one short line per stage.
    /// - Throws: `LabError` for a bad configuration.
    public static func run(_ c: LossesLabConfiguration, progress: ((String) -> Void)? = nil) throws -> LossesLabResult {
        try c.validate()
        let root = RandomStream(seed: c.seed)
        progress?("output gradients, softplus, hinge")
        let gradients = OutputGradients.run(), softplus = SoftplusIdentity.run(), hinge = HingeExample.run()
        progress?("fitting constants to \(c.sampleSize) skewed draws; Gaussians to a bimodal density")
        // The two fits and the surfaces are independent: one thread each.
        var meanMedian: MeanMedianResult?, kl: GaussianKLResult?, surfaces: PerceptronSurfaceResult?
        let lock = NSLock()
        _ = try Parallel.map(3) { job -> Void in
            switch job {
            case 0:
                let r = try MeanMedianFit.run(c, root: root)
                lock.withLock { meanMedian = r }
            case 1:
                let r = try GaussianKLFit.run(c)
                lock.withLock { kl = r }
            default:
                let r = PerceptronSurface.run(c, root: root)
                lock.withLock { surfaces = r }
            }
        }
        return LossesLabResult(configuration: c, outputGradients: gradients, softplus: softplus, hinge: hinge,
                               meanMedian: meanMedian!, kl: kl!, surfaces: surfaces!)
    }

    /// Figure 6's error surfaces alone (for `make bench`): the perceptron's data from `c.seed`.
    public static func errorSurfaces(_ c: LossesLabConfiguration) -> PerceptronSurfaceResult {
        PerceptronSurface.run(c, root: RandomStream(seed: c.seed))
    }
}
