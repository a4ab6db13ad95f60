import Foundation

/// An elementwise nonlinearity `h = f(z)`, with its derivative `f′(z)` for the backward pass.
///
/// Shapes: any; the output has the input's shape. References: tanh and sigmoid (LeCun et al.
/// 1998), ReLU (Nair & Hinton 2010), leaky ReLU (Maas et al. 2013), ELU (Clevert et al. 2016),
/// SELU (Klambauer et al. 2017), GELU (Hendrycks & Gimpel 2016), softplus (Dugas et al. 2001).
public enum Activation: Equatable, Hashable, Sendable {
    /// `σ(z) = 1/(1 + e⁻ᶻ)`
    case sigmoid
    /// `tanh z`
    case tanh
    /// `max(0, z)`
    case relu
    /// `z` if `z > 0`, else `slope · z`
    case leakyReLU(slope: Double = 0.01)
    /// `z` if `z > 0`, else `α(eᶻ − 1)`
    case elu(alpha: Double = 1)
    /// `λ · elu_α(z)` with the self-normalizing constants λ ≈ 1.0507, α ≈ 1.6733
    case selu
    /// `z · Φ(z)`, the exact form with the normal CDF `Φ(z) = ½(1 + erf(z/√2))`
    case gelu
    /// `ln(1 + eᶻ)`, a smooth ReLU
    case softplus

    /// SELU's λ and α (Klambauer et al. 2017, eq. 14), to the digits PyTorch uses.
    public static let seluLambda = 1.0507009873554804934193349852946
    public static let seluAlpha = 1.6732632423543772848170429916717

    /// `f(z)`.
    @inline(__always)
    public func callAsFunction(_ z: Double) -> Double {
        switch self {
        case .sigmoid:
            // Two branches so that e^(−z) never overflows.
            return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
        case .tanh: return Foundation.tanh(z)
        case .relu: return z > 0 ? z : 0
        case .leakyReLU(let slope): return z > 0 ? z : slope * z
        case .elu(let alpha): return z > 0 ? z : alpha * expm1(z)
        case .selu: return Self.seluLambda * (z > 0 ? z : Self.seluAlpha * expm1(z))
        case .gelu:
            // Φ(z) as ½ erfc(−z/√2): 1 + erf(z/√2) cancels to 0 for z ≲ −8.3, erfc keeps every digit.
            return 0.5 * z * erfc(-z / 2.0.squareRoot())
        case .softplus:
            // max(z, 0) + ln(1 + e^(−|z|)): exact for large |z|, no overflow.
            return Swift.max(z, 0) + log1p(exp(-abs(z)))
        }
    }

    /// The derivative `f′(z)`. At the kink `z = 0` of ReLU-like functions it takes the left
    /// value (0 for ReLU), the usual convention of deep learning libraries.
    @inline(__always)
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .sigmoid:
            let s = self(z)
            return s * (1 - s)
        case .tanh:
            let t = Foundation.tanh(z)
            return 1 - t * t
        case .relu: return z > 0 ? 1 : 0
        case .leakyReLU(let slope): return z > 0 ? 1 : slope
        case .elu(let alpha): return z > 0 ? 1 : alpha * exp(z)
        case .selu: return Self.seluLambda * (z > 0 ? 1 : Self.seluAlpha * exp(z))
        case .gelu:
            // d/dz [z Φ(z)] = Φ(z) + z φ(z)
            let phi = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
            return 0.5 * erfc(-z / 2.0.squareRoot()) + z * phi
        case .softplus: return Activation.sigmoid(z)
        }
    }

    /// `f` applied to every element: `[N, D]` → `[N, D]`.
    public func callAsFunction(_ z: Tensor) -> Tensor {
        // One loop per case, the case a constant inside it: with the `switch` inside the loop,
        // every element pays for the dispatch and no loop vectorizes.
        switch self {
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .sigmoid: return z.map { Activation.sigmoid($0) }
        case .tanh: return z.map { Foundation.tanh($0) }
        case .leakyReLU(let slope): return z.map { Activation.leakyReLU(slope: slope)($0) }
        case .elu(let alpha): return z.map { Activation.elu(alpha: alpha)($0) }
        case .selu: return z.map { Activation.selu($0) }
        case .gelu: return z.map { Activation.gelu($0) }
        case .softplus: return z.map { Activation.softplus($0) }
        }
    }

    /// `f′` applied to every element: `[N, D]` → `[N, D]`, one loop per case as above.
    public func derivative(_ z: Tensor) -> Tensor {
        switch self {
        case .relu: return z.map { $0 > 0 ? 1 : 0 }
        case .sigmoid: return z.map { Activation.sigmoid.derivative($0) }
        case .tanh: return z.map { Activation.tanh.derivative($0) }
        case .leakyReLU(let slope): return z.map { Activation.leakyReLU(slope: slope).derivative($0) }
        case .elu(let alpha): return z.map { Activation.elu(alpha: alpha).derivative($0) }
        case .selu: return z.map { Activation.selu.derivative($0) }
        case .gelu: return z.map { Activation.gelu.derivative($0) }
        case .softplus: return z.map { Activation.softplus.derivative($0) }
        }
    }

    /// The chain rule through `f`, in one pass: `∂z = ∂h ⊙ f′(z)`, without materializing `f′(z)`.
    ///
    /// Shapes: `upstream` `∂h` and `z` equal, [N, D] → [N, D].
    public func backward(_ upstream: Tensor, at z: Tensor) -> Tensor {
        // For ReLU the gradient passes where z > 0 and is 0 elsewhere, a select rather than a
        // multiplication by 0 (which would give −0 for a negative ∂h, and NaN for an infinite one).
        if case .relu = self { return Tensor.zip(upstream, z) { g, z in z > 0 ? g : 0 } }
        return Tensor.zip(upstream, z) { g, z in g * derivative(z) }
    }

    /// The gain that keeps activation variance steady through layers, as `torch.nn.init.calculate_gain`
    /// defines it: tanh 5/3, ReLU √2, leaky ReLU √(2/(1 + a²)), SELU 3/4, sigmoid 1.
    /// `nil` where no standard value exists (ELU, GELU, softplus).
    public var gain: Double? {
        switch self {
        case .sigmoid: return 1
        case .tanh: return 5.0 / 3.0
        case .relu: return 2.0.squareRoot()
        case .leakyReLU(let slope): return (2 / (1 + slope * slope)).squareRoot()
        case .selu: return 0.75
        case .elu, .gelu, .softplus: return nil
        }
    }

    /// The output range `f` can reach, for histogram axes: `nil` bounds are unbounded.
    public var range: (lower: Double?, upper: Double?) {
        switch self {
        case .sigmoid: return (0, 1)
        case .tanh: return (-1, 1)
        case .relu, .softplus: return (0, nil)
        case .elu(let alpha): return (-alpha, nil)
        case .selu: return (-Self.seluLambda * Self.seluAlpha, nil)
        case .gelu: return (-0.17, nil)
        case .leakyReLU: return (nil, nil)
        }
    }
}
