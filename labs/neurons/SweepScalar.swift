import Foundation

/// The floating-point types the gradient-check sweep evaluates the worked example in: float32 to
/// show rounding error at 2^−24 ≈ 6e-8 per operation, float64 at 2^−53 ≈ 1.1e-16.
protocol SweepScalar: BinaryFloatingPoint {
    /// σ(x) = 1/(1 + e^{−x}), computed in the type itself.
    static func sigmoid(_ x: Self) -> Self
}

extension Double: SweepScalar {
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
}

extension Float: SweepScalar {
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
}
