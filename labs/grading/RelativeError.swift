import NNEngine

/// The comparison of a submitted array with the reference: CS231n's relative error
///
///     e = maxᵢ |xᵢ − yᵢ| / max(1e-8, |xᵢ| + |yᵢ|, τ · maxⱼ |yⱼ|)
///
/// with `x` the submission and `y` the reference, and where it is worst. With `τ = 0` this is
/// exactly CS231n's `rel_error`. The default `τ = 1e-3` compares entries far below the array's
/// largest magnitude at a thousandth of that magnitude: an entry that should be 1e-9 next to
/// entries of 1 comes out of a float32 computation as ±1e-8 of rounding noise, which CS231n's
/// elementwise measure would call a relative error of ~1, though nothing is wrong with the code.
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

    /// Compares two tensors of the same shape. - Precondition: equal shapes, at least one element.
    public init(_ student: Tensor, _ reference: Tensor, floor tau: Double) {
        precondition(student.shape == reference.shape, "compare \(student.shape) with \(reference.shape)")
        let scale = reference.scalars.reduce(0) { Swift.max($0, abs($1)) }
        let denominatorFloor = Swift.max(1e-8, tau * scale)
        var worst = (error: -1.0, index: 0)
        for i in reference.scalars.indices {
            let (x, y) = (student.scalars[i], reference.scalars[i])
            let e = abs(x - y) / Swift.max(denominatorFloor, abs(x) + abs(y))
            if e > worst.error { worst = (e, i) }
        }
        value = Swift.max(0, worst.error)
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
    public static func value(_ a: Tensor, _ b: Tensor, floor tau: Double) -> Double {
        RelativeError(a, b, floor: tau).value
    }
}
