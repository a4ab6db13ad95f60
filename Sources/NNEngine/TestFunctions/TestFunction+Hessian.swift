/// The analytic Hessians of the test functions, for Newton's method.
extension TestFunction {
    /// The symmetric Hessian `∇²f = [[∂²f/∂x², ∂²f/∂x∂y], [∂²f/∂x∂y, ∂²f/∂y²]]` at `(x, y)`.
    ///
    /// For a sum of squares `f = Σ rᵢ²` it is `2 Σ (∇rᵢ ∇rᵢᵀ + rᵢ ∇²rᵢ)`: Beale's residuals have
    /// `∇²a = [[0, 1], [1, 0]]`, `∇²b = [[0, 2y], [2y, 2x]]`, `∇²c = [[0, 3y²], [3y², 6xy]]`;
    /// Himmelblau's `p = x² + y − 11`, `q = x + y² − 7` have `∇²p = [[2, 0], [0, 0]]`,
    /// `∇²q = [[0, 0], [0, 2]]`. Tests check every entry against centred differences of `gradient`.
    public func hessian(x: Double, y: Double) -> (xx: Double, xy: Double, yy: Double) {
        switch self {
        case .beale:
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            let (ax, ay) = (y - 1, x), (bx, by) = (y * y - 1, 2 * x * y), (cx, cy) = (y * y * y - 1, 3 * x * y * y)
            let xx = 2 * (ax * ax + bx * bx + cx * cx)
            let xy = 2 * (ax * ay + a + bx * by + b * 2 * y + cx * cy + c * 3 * y * y)
            let yy = 2 * (ay * ay + by * by + b * 2 * x + cy * cy + c * 6 * x * y)
            return (xx, xy, yy)
        case .valley:
            return (0.2, 0, 4)
        case .rosenbrock:
            return (2 - 400 * (y - x * x) + 800 * x * x, -400 * x, 200)
        case .saddle:
            return (2, 0, -2)
        case .himmelblau:
            return (12 * x * x + 4 * y - 42, 4 * x + 4 * y, 12 * y * y + 4 * x - 26)
        }
    }
}
