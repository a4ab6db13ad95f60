import Foundation

/// How to fill a weight tensor `W: [Din, Dout]` before training, with `torch.nn.init` and Keras
/// semantics.
///
/// | case | draws | std |
/// |---|---|---|
/// | `xavierNormal`/`xavierUniform` | N / U | `gain · √(2/(Din + Dout))` (Glorot & Bengio 2010) |
/// | `kaimingNormal`/`kaimingUniform` | N / U | `gain / √fan` (He et al. 2015) |
/// | `lecunNormal` | truncated N | `1/√Din` (LeCun et al. 1998; Keras' definition) |
/// | `varianceScaling` | N / U / truncated N | `√(scale/n)` (Keras) |
/// | `orthogonal` | `gain · Q` from the QR of a Gaussian matrix (Saxe et al. 2013) | |
///
/// A uniform with std `s` is U[−√3 s, √3 s]. Fans follow `FanMode`.
public enum Initializer: Equatable, Sendable {
    /// All zeros: every unit computes the same thing, and gets the same gradient, forever.
    case zeros
    /// Every weight `c`: the symmetry the lectures warn about, with identical units.
    case constant(Double)
    /// N(mean, std²), e.g. the lectures' `0.01 * randn`.
    case normal(mean: Double = 0, std: Double)
    /// U[low, high).
    case uniform(low: Double, high: Double)
    /// N(0, σ²), σ = gain·√(2/(Din + Dout)).
    case xavierNormal(gain: Double = 1)
    /// U[−a, a], a = gain·√(6/(Din + Dout)).
    case xavierUniform(gain: Double = 1)
    /// N(0, σ²), σ = gain/√fan; the default gain √2 is ReLU's.
    case kaimingNormal(mode: FanMode = .fanIn, gain: Double = 2.0.squareRoot())
    /// U[−a, a], a = gain·√(3/fan).
    case kaimingUniform(mode: FanMode = .fanIn, gain: Double = 2.0.squareRoot())
    /// Truncated normal with std `1/√Din`: `varianceScaling(1, fanIn, truncatedNormal)`.
    case lecunNormal
    /// std `√(scale/n)`, with `n` chosen by `mode` and the draws by `distribution`.
    case varianceScaling(scale: Double, mode: FanMode, distribution: ScalingDistribution)
    /// `gain · Q`, with Q having orthonormal rows or columns (whichever there are fewer of).
    case orthogonal(gain: Double = 1)

    /// The standard deviation the weights are drawn with, for shape `[Din, Dout]` (`nil` for
    /// orthogonal, whose entries have std `gain/√max(Din, Dout)` only approximately).
    public func standardDeviation(for shape: [Int]) -> Double? {
        let (fanIn, fanOut) = FanMode.fans(shape)
        switch self {
        case .zeros, .constant: return 0
        case .normal(_, let std): return std
        case .uniform(let low, let high): return (high - low) / 12.0.squareRoot()
        case .xavierNormal(let gain), .xavierUniform(let gain):
            return gain * (2 / Double(fanIn + fanOut)).squareRoot()
        case .kaimingNormal(let mode, let gain), .kaimingUniform(let mode, let gain):
            return gain / mode.fan(shape).squareRoot()
        case .lecunNormal: return 1 / Double(fanIn).squareRoot()
        case .varianceScaling(let scale, let mode, _): return (scale / mode.fan(shape)).squareRoot()
        case .orthogonal: return nil
        }
    }

    /// A weight tensor of the given shape, drawn from `generator`.
    /// - Shapes: `shape` is `[Din, Dout]` (or `[D]` for a vector; orthogonal needs a matrix).
    public func make(shape: [Int], using generator: inout Xoshiro256StarStar) -> Tensor {
        switch self {
        case .zeros: return Tensor(zeros: shape)
        case .constant(let c): return Tensor(repeating: c, shape: shape)
        case .normal(let mean, let std): return .randomNormal(shape: shape, mean: mean, std: std, using: &generator)
        case .uniform(let low, let high): return .randomUniform(shape: shape, low: low, high: high, using: &generator)
        case .xavierNormal, .kaimingNormal:
            return .randomNormal(shape: shape, std: standardDeviation(for: shape)!, using: &generator)
        case .xavierUniform, .kaimingUniform:
            let bound = 3.0.squareRoot() * standardDeviation(for: shape)!
            return .randomUniform(shape: shape, low: -bound, high: bound, using: &generator)
        case .lecunNormal:
            return Initializer.varianceScaling(scale: 1, mode: .fanIn, distribution: .truncatedNormal)
                .make(shape: shape, using: &generator)
        case .varianceScaling(_, _, let distribution):
            let std = standardDeviation(for: shape)!
            switch distribution {
            case .normal: return .randomNormal(shape: shape, std: std, using: &generator)
            case .uniform:
                let bound = 3.0.squareRoot() * std
                return .randomUniform(shape: shape, low: -bound, high: bound, using: &generator)
            case .truncatedNormal:
                return .randomTruncatedNormal(shape: shape, std: std / truncatedNormalStdAtTwo, using: &generator)
            }
        case .orthogonal(let gain):
            return Initializer.orthogonalMatrix(shape: shape, gain: gain, using: &generator)
        }
    }
}
