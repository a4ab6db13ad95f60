import NNEngine

/// The comparison of a submitted array with the reference, by the relative error the lectures
/// teach for gradient checks (000 deck; `lab gradcheck` uses the same):
///
///     eᵢ = |xᵢ − yᵢ| / max(1e-8, max(|xᵢ|, |yᵢ|), τ · maxⱼ |yⱼ|, φ · sᵢ)        e = maxᵢ eᵢ
///
/// with `x` the submission and `y` the reference, and where it is worst. Without the two floors
/// it is the lectures' `|a − n| / max(|a|, |n|)` elementwise; it is at most twice CS231n's
/// `|a − n| / (|a| + |n|)` and never smaller, so the bands keep their meaning.
///
/// The floors are float32 error analysis, so that a correct float32 implementation is never
/// judged by its rounding noise:
/// - `τ · maxⱼ |yⱼ|` (`τ = 1e-3` by default, the course file's `elementFloor`): an entry that
///   should be 1e-9 next to entries of 1 comes out of float32 as ±1e-8 of noise, elementwise ~1.
/// - `φ · sᵢ` where the exercise supplies `s` (`Exercise.roundingScale`): `sᵢ` is the size of
///   the terms element i is computed from (`|dout|` for `dout·(1 − tanh²)`, `|w₀| + Σ|Δw|` for
///   an optimizer's displacement). Each of k ≲ 16 float32 roundings errs by at most `u·sᵢ`
///   (u = 2⁻²⁴, Higham 2002, §3.1), so a correct float32 result differs from `y` by at most
///   `16 u sᵢ`; dividing by `φ sᵢ` with `φ = 16 u / 1e-4 ≈ 9.5e-3` keeps it inside the 1e-4
///   "fine" band even where `1 − tanh²` or `x − μ` cancels to a thousandth of its terms.
public struct RelativeError: Sendable, Equatable {
    /// `e` above.
    public let value: Double
    /// The flat (row-major) index of the worst element.
    public let worstIndex: Int
    /// The same index per axis, e.g. `[2, 0]`.
    public let worstPosition: [Int]
    /// The submitted and reference values there.
    public let submitted: Double
    public let expected: Double
    /// Every eᵢ, row-major: for the per-element bands of the feedback figure (never written out
    /// as numbers while the reference is withheld: with the submitted value they give yᵢ).
    public let elementErrors: [Double]

    /// u = 2⁻²⁴, the unit roundoff of float32.
    public static let float32Roundoff = 0x1p-24
    /// φ above: 16 roundings of float32 land within the 1e-4 band.
    public static let roundingFloor = 16 * float32Roundoff / 1e-4

    /// Compares two tensors of the same shape. - Precondition: equal shapes (and `scale`'s, if given).
    public init(_ student: Tensor, _ reference: Tensor, floor tau: Double, roundingScale scale: Tensor? = nil) {
        precondition(student.shape == reference.shape, "compare \(student.shape) with \(reference.shape)")
        precondition(scale == nil || scale!.shape == reference.shape, "rounding scale \(scale!.shape) for \(reference.shape)")
        let largest = reference.scalars.reduce(0) { Swift.max($0, abs($1)) }
        let denominatorFloor = Swift.max(1e-8, tau * largest)
        var worst = (error: -1.0, index: 0)
        var errors: [Double] = []
        errors.reserveCapacity(reference.count)
        for i in reference.scalars.indices {
            let (x, y) = (student.scalars[i], reference.scalars[i])
            var floor = denominatorFloor
            if let scale { floor = Swift.max(floor, Self.roundingFloor * scale.scalars[i]) }
            var e = abs(x - y) / Swift.max(floor, Swift.max(abs(x), abs(y)))
            // |x − y| overflows to ∞ for x near ±1.8e308; ∞/∞ is NaN, which must count as wrong, not as 0.
            if e.isNaN { e = .infinity }
            errors.append(e)
            if e > worst.error { worst = (e, i) }
        }
        value = Swift.max(0, worst.error)
        elementErrors = errors
        worstIndex = worst.index
        var position: [Int] = []
        var rest = worst.index
        for axis in reference.shape.indices.reversed() {
            position.insert(rest % reference.shape[axis], at: 0)
            rest /= reference.shape[axis]
        }
        worstPosition = position
        submitted = student.scalars.isEmpty ? 0 : student.scalars[worst.index]
        expected = reference.scalars.isEmpty ? 0 : reference.scalars[worst.index]
    }

    /// Just `e`, for matching a submission against a known mistake.
    public static func value(_ a: Tensor, _ b: Tensor, floor tau: Double, roundingScale scale: Tensor? = nil) -> Double {
        RelativeError(a, b, floor: tau, roundingScale: scale).value
    }
}
