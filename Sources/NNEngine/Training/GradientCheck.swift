/// Numerical gradient checking: compares an analytic gradient with centered differences
/// `(f(x + h) − f(x − h)) / 2h` by the relative error `|a − n| / max(|a|, |n|)` (000 deck;
/// CS231n's `gradient_check.py`).
///
/// The default `h = 1e-5` balances the two errors of a centered difference in float64: the
/// truncation error `h² f‴/6` shrinks with `h` while the rounding error `≈ ε_mach |f| / h`
/// (ε_mach ≈ 2.2e-16) grows; their sum is smallest near `h ≈ ε_mach^(1/3) ≈ 6e-6`.
public enum GradientCheck {
    /// The lecture's bands for the largest relative error, from worst to best.
    public enum Band: Int, Comparable, CaseIterable, Sendable {
        /// `> 1e-2`: the gradient is probably wrong.
        case wrong
        /// `1e-2 … 1e-4`: should make you feel uncomfortable.
        case uncomfortable
        /// `1e-4 … 1e-7`: fine for objectives with kinks (ReLU, hinge), too high without.
        case fineWithKinks
        /// `< 1e-7`: happy.
        case happy

        /// The band a relative error falls in.
        public init(relativeError e: Double) {
            if !(e <= 1e-2) { self = .wrong } // NaN counts as wrong
            else if e > 1e-4 { self = .uncomfortable }
            else if e >= 1e-7 { self = .fineWithKinks }
            else { self = .happy }
        }

        public static func < (a: Band, b: Band) -> Bool { a.rawValue < b.rawValue }
    }

    /// The outcome of a check: the worst element and its band.
    public struct Report: Sendable, CustomStringConvertible {
        /// The largest relative error over the checked elements.
        public let maxRelativeError: Double
        /// The flat (row-major) index of the element with that error.
        public let worstIndex: Int
        /// The analytic and numerical gradients at `worstIndex`.
        public let analytic: Double
        public let numerical: Double
        /// How many elements were checked.
        public let checkedCount: Int

        /// The band of `maxRelativeError`.
        public var band: Band { Band(relativeError: maxRelativeError) }

        public var description: String {
            "max relative error \(maxRelativeError) (\(band)) at index \(worstIndex): analytic \(analytic), "
                + "numerical \(numerical), over \(checkedCount) elements"
        }
    }

    /// `|a − n| / max(|a|, |n|)`, with `0/0` (both exactly zero) counted as 0.
    public static func relativeError(_ a: Double, _ n: Double) -> Double {
        let scale = Swift.max(abs(a), abs(n))
        return scale == 0 ? 0 : abs(a - n) / scale
    }

    /// `(f(x + h eᵢ) − f(x − h eᵢ)) / 2h` at the flat index `i`.
    public static func centeredDifference(_ f: (Tensor) -> Double, at x: Tensor, index i: Int, h: Double = 1e-5) -> Double {
        var probe = x
        probe.scalars[i] = x.scalars[i] + h
        let plus = f(probe)
        probe.scalars[i] = x.scalars[i] - h
        let minus = f(probe)
        return (plus - minus) / (2 * h)
    }

    /// Checks `analytic` [shape of x] against the centered differences of the scalar `f` at `x`,
    /// over every element, or over `maxElements` elements drawn without replacement by a
    /// generator seeded with `seed` when the tensor has more.
    ///
    /// `absoluteTolerance` (default 0, the lecture's strict rule) lets elements where both
    /// `|a|` and `|n|` are at most that value count as agreeing. It is for gradients that are 0 in
    /// exact arithmetic, such as the bias of an affine layer feeding batch norm: the analytic
    /// value comes out as rounding noise (~1e-18), the numerical one as exactly 0, and the
    /// relative error of noise against 0 is 1, which says nothing about the code.
    public static func check(_ f: (Tensor) -> Double, at x: Tensor, analytic: Tensor, h: Double = 1e-5,
                             maxElements: Int? = nil, seed: UInt64 = 0, absoluteTolerance: Double = 0) -> Report {
        precondition(analytic.shape == x.shape,
                     "analytic gradient \(analytic.shape) does not match the input \(x.shape)")
        var indices = Array(0..<x.count)
        if let limit = maxElements, limit < x.count {
            var generator = RandomStream(seed: seed)
            indices.shuffle(using: &generator)
            indices = Array(indices.prefix(limit)).sorted()
        }
        var worst = (error: 0.0, index: indices.first ?? 0, analytic: 0.0, numerical: 0.0)
        for i in indices {
            let n = centeredDifference(f, at: x, index: i, h: h)
            let a = analytic.scalars[i]
            let e = Swift.max(abs(a), abs(n)) <= absoluteTolerance ? 0 : relativeError(a, n)
            if e > worst.error || e.isNaN || i == indices.first {
                worst = (e, i, a, n)
                if e.isNaN { break }
            }
        }
        return Report(maxRelativeError: worst.error, worstIndex: worst.index, analytic: worst.analytic,
                      numerical: worst.numerical, checkedCount: indices.count)
    }

    /// Checks a layer's backward: for a tensor-valued `g(x)` and a fixed upstream gradient `∂y`,
    /// the scalar `f(x) = Σ g(x) ⊙ ∂y` has gradient `∂y`'s backpropagation, which is `analytic`.
    public static func check(output g: (Tensor) -> Tensor, upstream: Tensor, at x: Tensor, analytic: Tensor,
                             h: Double = 1e-5, maxElements: Int? = nil, seed: UInt64 = 0,
                             absoluteTolerance: Double = 0) -> Report {
        check({ (g($0) * upstream).sum }, at: x, analytic: analytic, h: h, maxElements: maxElements, seed: seed,
              absoluteTolerance: absoluteTolerance)
    }
}
