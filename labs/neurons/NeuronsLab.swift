import Foundation
import NNEngine

/// Everything `lab neurons` computed, one value per figure.
public struct NeuronsLabResult: Sendable {
    public var configuration: NeuronsLabConfiguration
    public var activations: [ActivationCurve]
    public var linearLimits: LinearLimitsResult
    public var linearCollapse: LinearCollapseResult
    public var approximation: UniversalApproximationResult
    public var speed: ReLUSpeedResult
    public var backprop: BackpropExampleResult
    public var stepSweep: GradientStepSweepResult
}

/// The neurons lab (000, 002 and 003 decks, building up from one neuron): activations, the limits
/// of linear classifiers, depth without non-linearity, universal approximation, ReLU against tanh,
/// and backprop by hand with its gradient check. Computing only: nothing is printed or drawn.
public enum NeuronsLab {
    /// Runs the six experiments; `progress` gets one short line per stage.
    /// - Throws: `LabError` for a bad configuration.
    public static func run(_ c: NeuronsLabConfiguration, progress: ((String) -> Void)? = nil) throws -> NeuronsLabResult {
        try c.validate()
        let root = RandomStream(seed: c.seed)
        progress?("activations")
        let activations = ActivationGallery.compute()
        var xorStream = root.stream(.xor)
        let xor = LinearLimits.sameValueData(points: c.xorPoints, using: &xorStream)
        progress?("\"same value?\": logistic regression, one hidden layer, and a deep linear net")
        let limits = try LinearLimits.run(c, data: xor, root: root)
        let collapse = try LinearCollapse.run(c, data: xor, root: root)
        progress?("1-D fits with \(c.approximationUnits.map(String.init).joined(separator: ", ")) hidden units")
        let approximation = try UniversalApproximation.run(c, root: root)
        progress?("ReLU vs tanh and sigmoid over \(c.speedSeeds) seeds, dead ReLUs at \(c.deadLearningRates.count) learning rates")
        let speed = try ReLUSpeed.run(c, root: root)
        progress?("backprop worked example and gradient-check steps")
        return NeuronsLabResult(configuration: c, activations: activations, linearLimits: limits, linearCollapse: collapse,
                                approximation: approximation, speed: speed, backprop: BackpropExample.run(),
                                stepSweep: GradientStepSweep.run())
    }
}
