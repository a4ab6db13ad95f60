import Foundation
import NNEngine

extension RandomStream {
    /// A Gamma(shape, 1) draw by Marsaglia & Tsang (2000): for `a ≥ 1`, `d = a − ⅓`,
    /// `c = 1/√(9d)`, accept `d·v`, `v = (1 + c z)³`, when `ln u < z²/2 + d − d v + d ln v`;
    /// for `a < 1`, `Gamma(a) = Gamma(a + 1) · u^{1/a}`.
    public mutating func gamma(shape a: Double) -> Double {
        precondition(a > 0, "gamma shape must be positive, got \(a)")
        if a < 1 { return gamma(shape: a + 1) * pow(1 - uniform(), 1 / a) }
        let d = a - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let z = normal()
            let t = 1 + c * z
            guard t > 0 else { continue }
            let v = t * t * t
            let u = 1 - uniform()
            if log(u) < 0.5 * z * z + d - d * v + d * log(v) { return d * v }
        }
    }

    /// A Beta(α, β) draw: `X / (X + Y)` with `X ~ Gamma(α)`, `Y ~ Gamma(β)`.
    public mutating func beta(_ alpha: Double, _ beta: Double) -> Double {
        let x = gamma(shape: alpha), y = gamma(shape: beta)
        return x / (x + y)
    }
}
