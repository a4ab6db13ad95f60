import NNEngine
import Foundation

/// The interpolation kernel used to resample an image.
///
/// Every filter but `nearest` is applied as a separable convolution whose kernel is stretched by
/// the downscale factor `s = input / output` when `s > 1` (Pillow's scheme; Catmull & Smith):
/// `w(x) = k((x − centre) / s)` over a support of `s · r`. Stretching makes the kernel a low-pass
/// prefilter with its cut-off at the output's Nyquist frequency, so downscaling averages every
/// input pixel instead of sampling a few and aliasing (torchvision's `antialias=True`).
/// `nearest` is point sampling by definition and aliases on purpose: the lab shows why.
public enum ResamplingFilter: String, Codable, CaseIterable, Sendable {
    /// The input pixel whose centre is nearest; no prefilter.
    case nearest
    /// Triangle kernel `k(x) = max(0, 1 − |x|)`, radius 1.
    case bilinear
    /// Keys' cubic convolution with `a = −0.5` (Keys 1981), radius 2:
    /// `k(x) = (a+2)|x|³ − (a+3)|x|² + 1` for `|x| ≤ 1`, `a|x|³ − 5a|x|² + 8a|x| − 4a` for `1 < |x| < 2`.
    case bicubic

    /// The kernel's radius `r` at scale 1, in input pixels.
    public var radius: Double {
        switch self {
        case .nearest: return 0.5
        case .bilinear: return 1
        case .bicubic: return 2
        }
    }

    /// The kernel `k(x)`.
    @inline(__always)
    public func weight(_ x: Double) -> Double {
        let t = abs(x)
        switch self {
        case .nearest:
            return t < 0.5 ? 1 : 0
        case .bilinear:
            return t < 1 ? 1 - t : 0
        case .bicubic:
            let a = -0.5
            if t < 1 { return ((a + 2) * t - (a + 3)) * t * t + 1 }
            if t < 2 { return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a }
            return 0
        }
    }

    /// Parses `nearest`, `bilinear` or `bicubic`.
    public init(parsing text: String) throws {
        guard let filter = ResamplingFilter(rawValue: text.lowercased()) else {
            throw LabError("unknown filter '\(text)'; valid: nearest, bilinear, bicubic")
        }
        self = filter
    }
}
