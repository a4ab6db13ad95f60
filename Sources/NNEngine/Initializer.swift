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

    /// `s` when this initializer draws `s · z` with `z ~ N(0, 1)` (one draw per element, in the
    /// order `fill` uses), else `nil`: zero-mean normal, Xavier and Kaiming normal, variance
    /// scaling with a normal. Such weights are `s` times the standard normal matrix the same
    /// generator gives, so an experiment can draw that matrix once and scale it.
    public func normalScale(for shape: [Int]) -> Double? {
        switch self {
        case .normal(let mean, let std): return mean == 0 ? std : nil
        case .xavierNormal, .kaimingNormal, .varianceScaling(_, _, .normal): return standardDeviation(for: shape)
        default: return nil
        }
    }

    /// A weight tensor of the given shape, drawn from `generator`.
    /// - Shapes: `shape` is `[Din, Dout]` (or `[D]` for a vector; orthogonal needs a matrix).
    public func make(shape: [Int], using generator: inout RandomStream) -> Tensor {
        var weight = Tensor(zeros: [0])
        fill(&weight, shape: shape, using: &generator)
        return weight
    }

    /// Redraws `weight` with `shape`, reusing its storage: `make(shape:using:)` without a fresh
    /// allocation, for experiments that draw many big matrices in turn.
    public func fill(_ weight: inout Tensor, shape: [Int], using generator: inout RandomStream) {
        let std = standardDeviation(for: shape)
        // U[−√3 s, √3 s] has std s.
        let uniformBound = 3.0.squareRoot() * (std ?? 0)
        switch self {
        case .zeros, .constant:
            weight.fillRandom(shape: shape, from: ConstantDistribution(constantValue!), using: &generator)
        case .normal(let mean, let std):
            weight.fillRandom(shape: shape, from: NormalDistribution(mean: mean, std: std), using: &generator)
        case .uniform(let low, let high):
            weight.fillRandom(shape: shape, from: UniformDistribution(low: low, high: high), using: &generator)
        case .xavierNormal, .kaimingNormal, .varianceScaling(_, _, .normal):
            weight.fillRandom(shape: shape, from: NormalDistribution(std: std!), using: &generator)
        case .xavierUniform, .kaimingUniform, .varianceScaling(_, _, .uniform):
            weight.fillRandom(shape: shape, from: UniformDistribution(low: -uniformBound, high: uniformBound), using: &generator)
        case .lecunNormal, .varianceScaling(_, _, .truncatedNormal):
            weight.fillRandom(shape: shape, from: TruncatedNormalDistribution(scale: std! / truncatedNormalStdAtTwo),
                              using: &generator)
        case .orthogonal(let gain):
            weight = Initializer.orthogonalMatrix(shape: shape, gain: gain, using: &generator)
        }
    }

    /// The value of every weight for `.zeros` (0) and `.constant(c)` (c), else nil: such weights
    /// are `c` times a matrix of ones, as normal ones are `normalScale` times one of N(0, 1) draws.
    public var constantValue: Double? {
        switch self {
        case .zeros: return 0
        case .constant(let c): return c
        default: return nil
        }
    }
}
