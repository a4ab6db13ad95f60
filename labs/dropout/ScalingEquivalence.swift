import NNEngine

/// Figure 2: vanilla and inverted dropout are the same model. A net trained with vanilla dropout
/// predicts with `h ↦ p·h` at test time; moving that factor into the next layer's weights,
/// `(p h) W + b = h (p W) + b`, gives an inverted-dropout net (`h ↦ h` at test time, `m/p` in
/// training) with identical predictions, and identical training-time outputs under the same mask.
/// Forgetting the test-time scaling altogether is what the lecture warns against.
public struct ScalingEquivalence: Codable, Equatable, Sendable {
    /// p of the hidden units, and of the inputs (1: no input dropout).
    public var keep: Double
    public var inputKeep: Double
    public var initSeed: UInt64
    public var trainingSeed: UInt64
    /// Max |Δ| of the test-set class probabilities: vanilla with test-time scaling against the
    /// rescaled inverted net.
    public var maxProbabilityDifference: Double
    /// Max |Δ| of the raw scores, same comparison.
    public var maxScoreDifference: Double
    /// Max |Δ| of training-mode scores under the same dropout masks.
    public var maxTrainingScoreDifference: Double
    public var vanillaTestAccuracy: Double
    public var invertedTestAccuracy: Double
    /// The vanilla weights evaluated without scaling by p: activations 1/p too large.
    public var unscaledTestAccuracy: Double
    public var maxUnscaledProbabilityDifference: Double
    /// Up to `plottedCount` probability pairs (vanilla, inverted, unscaled), for the scatter.
    public var vanillaProbabilities: [Double]
    public var invertedProbabilities: [Double]
    public var unscaledProbabilities: [Double]

    static let plottedCount = 2000

    /// The inverted-dropout net with the same function as the vanilla-dropout `model`: every
    /// affine layer after a dropout layer gets `W ← p W`, and dropout becomes inverted.
    static func inverted(_ model: Sequential) -> Sequential {
        var layers = model.layers
        var pendingScale: Double?
        for i in layers.indices {
            switch layers[i] {
            case .dropout(let d):
                pendingScale = (pendingScale ?? 1) * d.keepProbability
                layers[i] = .dropout(Dropout(keepProbability: d.keepProbability, variant: .inverted))
            case .affine(var affine):
                if let p = pendingScale { affine.weight = affine.weight * p }
                pendingScale = nil
                layers[i] = .affine(affine)
            default:
                break
            }
        }
        return Sequential(layers)
    }

    /// The same layers with dropout removed from inference: vanilla dropout without its `p`.
    static func unscaled(_ model: Sequential) -> Sequential {
        Sequential(model.layers.map { layer in
            if case .dropout(let d) = layer { return .dropout(Dropout(keepProbability: d.keepProbability, variant: .inverted)) }
            return layer
        })
    }

    static func measure(_ net: TrainedNet, test: Dataset, maskSeed: UInt64) -> ScalingEquivalence {
        let vanilla = net.model
        let inverted = inverted(vanilla), unscaled = unscaled(vanilla)
        let (sv, si, su) = (vanilla.predict(test.features), inverted.predict(test.features), unscaled.predict(test.features))
        let (pv, pi, pu) = (Sequential.softmax(sv), Sequential.softmax(si), Sequential.softmax(su))
        var a = vanilla, b = inverted
        var g1 = RandomStream(seed: maskSeed), g2 = RandomStream(seed: maskSeed)
        let tv = a.forward(test.features, mode: .training, using: &g1).output
        let ti = b.forward(test.features, mode: .training, using: &g2).output
        func maxDifference(_ x: Tensor, _ y: Tensor) -> Double { (x - y).map { abs($0) }.max }
        let n = Swift.min(plottedCount, pv.count)
        return ScalingEquivalence(
            keep: net.job.keep, inputKeep: net.inputKeep, initSeed: net.job.initSeed, trainingSeed: net.job.trainingSeed,
            maxProbabilityDifference: maxDifference(pv, pi), maxScoreDifference: maxDifference(sv, si),
            maxTrainingScoreDifference: maxDifference(tv, ti),
            vanillaTestAccuracy: Sequential.accuracy(Sequential.argmaxRows(sv), test.labels),
            invertedTestAccuracy: Sequential.accuracy(Sequential.argmaxRows(si), test.labels),
            unscaledTestAccuracy: Sequential.accuracy(Sequential.argmaxRows(su), test.labels),
            maxUnscaledProbabilityDifference: maxDifference(pv, pu),
            vanillaProbabilities: Array(pv.scalars.prefix(n)), invertedProbabilities: Array(pi.scalars.prefix(n)),
            unscaledProbabilities: Array(pu.scalars.prefix(n)))
    }
}
