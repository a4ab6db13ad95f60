import NNEngine

/// The weight penalties compared in figure 2, each at strength λ.
public enum PenaltyKind: String, Codable, CaseIterable, Sendable {
    /// `½λ‖W‖²`, through its gradient `λW`.
    case l2
    /// `λ‖W‖₁`, through its subgradient `λ sign(W)` (the 003 deck's update rule).
    case l1Subgradient = "l1-subgradient"
    /// `λ‖W‖₁`, through a soft threshold after every SGD step (proximal gradient descent).
    case l1Proximal = "l1-proximal"
    /// The elastic net `λ‖W‖₁ + ½λ‖W‖²` (λ₁ = λ₂ = λ), its L1 part proximal.
    case elasticNet = "elastic-net"

    func regularizer(_ lambda: Double) -> Regularizer {
        switch self {
        case .l2: return .l2(lambda)
        case .l1Subgradient, .l1Proximal: return .l1(lambda)
        case .elasticNet: return .elasticNet(l1: lambda, l2: lambda)
        }
    }

    /// How the trainer applies the L1 part: by soft threshold for the proximal kinds.
    var step: PenaltyStep { self == .l1Proximal || self == .elasticNet ? .proximal : .subgradient }

    var title: String {
        switch self {
        case .l2: return "L2 ½λ‖W‖²"
        case .l1Subgradient: return "L1 λ‖W‖₁, subgradient"
        case .l1Proximal: return "L1, proximal"
        case .elasticNet: return "elastic net, proximal"
        }
    }
}

/// One digits net of figure 2 at the end of training: its accuracy and its weights.
public struct PenaltyRun: Codable, Equatable, Sendable {
    /// nil for the unregularized baseline or a max-norm net.
    public var kind: PenaltyKind?
    public var lambda: Double
    /// The max-norm limit c, or nil.
    public var maxNorm: Double?
    public var trainAccuracy: Double
    public var validationAccuracy: Double
    public var testAccuracy: Double
    /// Over every weight matrix (not biases): the fraction exactly 0, and below 1e-3 in size.
    public var exactZeroFraction: Double
    public var nearZeroFraction: Double
    public var weightCount: Int
    /// ‖W‖₂ over all weight matrices, and the largest norm of a unit's incoming weights.
    public var weightNorm: Double
    public var largestUnitNorm: Double
    /// Every weight, binned on [−0.5, 0.5].
    public var histogram: Histogram
    public var diverged: Bool

    static let nearZero = 1e-3
    static let histogramRange = 0.5

    static func measure(kind: PenaltyKind?, lambda: Double, maxNorm: Double?, result: Trainer.Result, digits: DigitsData) -> PenaltyRun {
        let diverged = !result.history.outcome.isFinite
        let model = diverged ? result.model : result.finalModel
        let weights = zip(model.parameters, model.parameterKinds).filter { $0.1 == .weight }.map(\.0)
        let all = weights.flatMap(\.scalars)
        return PenaltyRun(kind: kind, lambda: lambda, maxNorm: maxNorm, trainAccuracy: model.accuracy(on: digits.split.train),
                          validationAccuracy: model.accuracy(on: digits.split.validation), testAccuracy: model.accuracy(on: digits.split.test),
                          exactZeroFraction: Double(all.filter { $0 == 0 }.count) / Double(all.count),
                          nearZeroFraction: Double(all.filter { abs($0) < nearZero }.count) / Double(all.count),
                          weightCount: all.count, weightNorm: all.reduce(0) { $0 + $1 * $1 }.squareRoot(),
                          largestUnitNorm: weights.flatMap { $0.columnNorms.scalars }.max() ?? 0,
                          histogram: Histogram(all, bins: 81, lower: -histogramRange, upper: histogramRange),
                          diverged: diverged)
    }
}
