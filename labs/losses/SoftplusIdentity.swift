import Foundation
import NNEngine

/// Figure 2 (003 deck): binary cross-entropy on a sigmoid output is the softplus ζ of the score:
/// −log σ(z) = ζ(−z) for y = 1 and −log(1 − σ(z)) = ζ(z) for y = 0, computed three ways: the
/// naive formula on σ(z), the engine's BCE with logits, and `Activation.softplus`.
public struct SoftplusIdentityResult: Codable, Sendable {
    public var z: [Double]
    /// Engine BCE with logits, for y = 1 and y = 0.
    public var bcePositive: [Double]
    public var bceNegative: [Double]
    /// ζ(−z) and ζ(z).
    public var softplusNegated: [Double]
    public var softplus: [Double]
    /// −log σ(z) computed naively; it becomes ∞ where σ(z) rounds to 0 (z ≲ −745) or 1 − σ to 0.
    public var naivePositive: [Double]
    public var naiveNegative: [Double]
    /// max |BCE − softplus| over z ∈ [−40, 40].
    public var maxDifference: Double
    /// The score at which the naive −log(1 − σ(z)) first becomes ∞ (1 − σ(z) rounds to 0).
    public var naiveOverflowAt: Double?
}

enum SoftplusIdentity {
    static func run() -> SoftplusIdentityResult {
        let zs = (0...800).map { -40 + 80 * Double($0) / 800 }
        let n = zs.count
        let z = Tensor(shape: [n, 1], scalars: zs)
        let positive = Loss.binaryCrossEntropyWithLogits(z, .values(Tensor(repeating: 1, shape: [n, 1]))).perExample
        let negative = Loss.binaryCrossEntropyWithLogits(z, .values(Tensor(zeros: [n, 1]))).perExample
        let zeta = Activation.softplus
        let softNegated = zs.map { zeta(-$0) }, soft = zs.map { zeta($0) }
        // The textbook form: σ(z) = 1/(1 + e^{−z}) then −log of it; kept naive on purpose.
        let naivePositive = zs.map { -log(1 / (1 + exp(-$0))) }
        let naiveNegative = zs.map { -log(1 - 1 / (1 + exp(-$0))) }
        let difference = (zip(positive, softNegated).map { abs($0 - $1) } + zip(negative, soft).map { abs($0 - $1) }).max() ?? 0
        return SoftplusIdentityResult(z: zs, bcePositive: positive, bceNegative: negative, softplusNegated: softNegated, softplus: soft,
                                      naivePositive: naivePositive, naiveNegative: naiveNegative, maxDifference: difference,
                                      naiveOverflowAt: zip(zs, naiveNegative).first { !$0.1.isFinite }?.0)
    }
}
