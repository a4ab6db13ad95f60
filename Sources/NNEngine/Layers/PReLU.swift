/// A parametric ReLU: `y = max(0, x) + a · min(0, x)` with a learnable slope `a`
/// (He et al. 2015, "Delving Deep into Rectifiers").
///
/// Shapes: `x`, `y`: [N, D]; `a`: [D] (one slope per unit) or [1] (one slope shared by all units).
/// Backward: `∂x = ∂y ⊙ (x > 0 ? 1 : a)`, `∂a = Σ ∂y ⊙ min(0, x)`, summed over the batch (and over
/// the units when the slope is shared).
public struct PReLU: Equatable, Sendable {
    /// `a`: [D] or [1].
    public var slope: Tensor

    /// What backward needs: the input `x` [N, D].
    public struct Cache: Sendable {
        public let input: Tensor
    }

    /// The gradients with respect to `x` [N, D] and `a` (the slope's shape).
    public struct Gradients: Sendable {
        public let input: Tensor
        public let slope: Tensor
    }

    /// A PReLU with one slope per unit, all starting at `initialSlope` (0.25 in He et al. 2015).
    public init(units: Int, initialSlope: Double = 0.25) {
        slope = Tensor(repeating: initialSlope, shape: [units])
    }

    /// A PReLU with a single slope shared by every unit.
    public init(sharedSlope: Double = 0.25) {
        slope = Tensor([sharedSlope])
    }

    /// Whether one slope serves every unit.
    public var isShared: Bool { slope.shape == [1] }

    /// The slope that applies to column `d`.
    @inline(__always)
    private func a(_ d: Int) -> Double { isShared ? slope.scalars[0] : slope.scalars[d] }

    /// `y = max(0, x) + a · min(0, x)`: [N, D] → [N, D].
    public func forward(_ x: Tensor) -> (output: Tensor, cache: Cache) {
        precondition(x.rank == 2 && (isShared || slope.shape == [x.shape[1]]),
                     "PReLU input \(x.shape) does not match slope \(slope.shape)")
        let width = x.shape[1]
        var y = x
        for i in 0..<y.count where y.scalars[i] < 0 { y.scalars[i] *= a(i % width) }
        return (y, Cache(input: x))
    }

    /// `∂x` and `∂a` from the upstream gradient `∂y` [N, D]. At the kink `x = 0` the left
    /// derivative `a` is used, as `Activation.leakyReLU` does.
    public func backward(_ upstream: Tensor, cache: Cache) -> Gradients {
        let x = cache.input
        let width = x.shape[1]
        var dx = upstream
        var da = [Double](repeating: 0, count: slope.count)
        for i in 0..<x.count where x.scalars[i] <= 0 {
            let d = i % width
            dx.scalars[i] *= a(d)
            da[isShared ? 0 : d] += upstream.scalars[i] * x.scalars[i]
        }
        return Gradients(input: dx, slope: Tensor(shape: slope.shape, scalars: da))
    }
}
