import NNEngine

/// Whether a scheme's forward and backward signals stayed within float64 through every layer: a
/// typed result a figure, its JSON and the terminal all report, so that a run whose numbers leave
/// float64 is a finding ("activations overflowed to +∞ at layer 2"), not a gnuplot error.
///
/// float64 holds magnitudes from ~5e-324 to ~1.8e308. `0.01·randn` through 150 layers of 64
/// shrinks the activations ~12× a layer; by layer 147 they are ~1e-164, whose squares (in the
/// std) round to exactly 0. `normal:1e100` with ReLU grows them ~10¹⁰¹ a layer, past 1e308 at
/// layer 2, where they become ∞ and then NaN (∞ − ∞ in the next product).
public enum SignalOutcome: Equatable, Codable, Sendable {
    /// Every layer's statistics are finite and above 0.
    case finite
    /// At `layer`, the std of the activations is exactly 0: the values (or their squares)
    /// underflowed float64, or every unit is a dead ReLU. A log axis cannot show it, and nothing
    /// after it carries information.
    case vanished(signal: Signal, layer: Int)
    /// At `layer`, the activations or the weight gradients overflowed to ±∞ or became NaN.
    case overflowed(signal: Signal, layer: Int, value: TrajectoryOutcome.NonFiniteValue)

    /// Which signal broke.
    public enum Signal: String, Codable, Sendable {
        case activations
        case weightGradients = "weight gradients dL/dW"
    }

    /// The outcome of the per-layer statistics `layers` (in layer order): the first layer whose
    /// activations are not finite, else whose weight gradients are not, else from which the
    /// activations' std is exactly 0. (A weight gradient of std 0 is not a breakdown: under
    /// constant weights every entry of dW can be equal; the log axis leaves it out.)
    public init(layers: [LayerStatistics]) {
        if let bad = layers.first(where: { !$0.activationStd.isFinite || !$0.activationMean.isFinite }) {
            let value = bad.activationStd.isFinite ? bad.activationMean : bad.activationStd
            self = .overflowed(signal: .activations, layer: bad.layer, value: .init(value))
        } else if let bad = layers.first(where: { !$0.weightGradientStd.isFinite || !$0.weightGradientMean.isFinite }) {
            let value = bad.weightGradientStd.isFinite ? bad.weightGradientMean : bad.weightGradientStd
            self = .overflowed(signal: .weightGradients, layer: bad.layer, value: .init(value))
        } else if let dead = layers.first(where: { $0.activationStd == 0 }) {
            self = .vanished(signal: .activations, layer: dead.layer)
        } else {
            self = .finite
        }
    }

    /// `true` when every layer could be computed and drawn.
    public var isFinite: Bool { self == .finite }

    /// The first layer that could not be computed, if any.
    public var stoppedAtLayer: Int? {
        switch self {
        case .finite: return nil
        case .vanished(_, let layer), .overflowed(_, let layer, _): return layer
        }
    }

    /// The first layer whose activations broke, if they did: the curve of the activations ends
    /// before it.
    public var activationsStoppedAtLayer: Int? {
        switch self {
        case .vanished(.activations, let layer), .overflowed(.activations, let layer, _): return layer
        default: return nil
        }
    }

    /// The one-line report, e.g. "activations overflowed to +∞ at layer 2: weights too large for
    /// float64".
    public var message: String {
        switch self {
        case .finite:
            return "every layer finite"
        case .vanished(let signal, let layer):
            return "\(signal.rawValue) have std exactly 0 at layer \(layer): float64 underflow (below ~1e-308) or dead units; weights too small for this depth?"
        case .overflowed(let signal, let layer, let value):
            let became = value == .nan ? "became NaN" : "overflowed to \(value.rawValue)"
            return "\(signal.rawValue) \(became) at layer \(layer): weights too large for float64 (above ~1e308)?"
        }
    }
}
