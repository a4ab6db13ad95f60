import Foundation
import NNEngine

/// Recognizes a typical mistake in one submitted array: first the exercise's named mistakes
/// (the submission equals that wrong answer), then the generic families every output can suffer:
///
/// | family | test |
/// |---|---|
/// | wrong shape | same numbers, another layout (`keepdims=True`) |
/// | transposed | shape is the reverse of the expected one and `xᵀ ≈ y` |
/// | bias not summed | shape `[N, M]` for an expected `[M]` and `Σₙ x ≈ y` |
/// | wrong sign | `x ≈ −y` |
/// | constant factor | `x ≈ c·y` with `c = ⟨x, y⟩/⟨y, y⟩` (least squares), `c ≠ 1` |
///
/// "≈" means a relative error of at most `matchTolerance`: loose enough for float32, tight
/// enough that a correct answer with a different mistake is not mistaken for this one.
public enum MistakeDetector {
    public static let matchTolerance = 1e-5

    /// A detected mistake: its family, the hint to show, and for a named mistake its fixed credit.
    public struct Finding: Sendable, Equatable {
        public let kind: Mistake.Kind
        public let hint: String
        /// `Mistake.credit` of a named mistake; `nil` for a generic family (scored by its band).
        public var credit: Double? = nil
    }

    /// The mistake `submitted` most likely makes for the output `key`, or `nil`. `scale` is the
    /// output's rounding scale (`Exercise.roundingScale`), so that a float32 slip is recognized.
    public static func detect(key: String, submitted: Tensor, reference: Tensor, named: [Mistake], floor: Double,
                              roundingScale scale: Tensor? = nil) -> Finding? {
        var best: (error: Double, finding: Finding)?
        for mistake in named {
            guard let wrong = mistake.answers[key], wrong.shape == submitted.shape, wrong != reference || wrong.count == 0 else { continue }
            let e = RelativeError.value(submitted, wrong, floor: floor, roundingScale: wrong.shape == scale?.shape ? scale : nil)
            if e <= matchTolerance, best == nil || e < best!.error {
                best = (e, Finding(kind: mistake.kind, hint: mistake.hint, credit: mistake.credit))
            }
        }
        if let best { return best.finding }
        return generic(key: key, submitted: submitted, reference: reference, floor: floor)
    }

    static func generic(key: String, submitted x: Tensor, reference y: Tensor, floor: Double) -> Finding? {
        if x.shape != y.shape {
            if x.rank == 2, y.rank == 2, x.shape == y.shape.reversed(),
               RelativeError.value(x.transposed, y, floor: floor) <= matchTolerance {
                return Finding(kind: .transposed, hint: "\(key) is transposed: expected shape \(y.shape), got \(x.shape)")
            }
            if x.count == y.count, RelativeError.value(x.reshaped(to: y.shape), y, floor: floor) <= matchTolerance {
                return Finding(kind: .wrongShape, hint: "\(key) has the right numbers in shape \(x.shape): reshape it to \(y.shape) (keepdims?)")
            }
            if x.rank == 2, y.rank == 1, x.shape[0] > 1, x.shape[1] == y.shape[0],
               RelativeError.value(x.columnSums, y, floor: floor) <= matchTolerance {
                return Finding(kind: .biasNotSummed,
                               hint: "\(key) has one row per example: sum it over the batch (axis 0) to get shape \(y.shape)")
            }
            return nil
        }
        guard x.count > 0 else { return nil }
        if x.rank == 2, x.shape[0] == x.shape[1], x.shape[0] > 1,
           RelativeError.value(x.transposed, y, floor: floor) <= matchTolerance, RelativeError.value(x, y, floor: floor) > matchTolerance {
            return Finding(kind: .transposed, hint: "\(key) is the transpose of the right answer")
        }
        let yy = (y * y).sum
        guard yy > 0 else { return nil }
        let c = (x * y).sum / yy
        guard c.isFinite, abs(c - 1) > 1e-3, RelativeError.value(x, c * y, floor: floor) <= matchTolerance else { return nil }
        if abs(c + 1) <= 1e-3 { return Finding(kind: .wrongSign, hint: "\(key) has the wrong sign everywhere") }
        // Any two single numbers are "off by a constant factor": for a scalar that says something only
        // when the factor is a whole number or its inverse (a forgotten N), not for a mere wrong value.
        if x.count == 1, !isWhole(c), !isWhole(1 / c) { return nil }
        return Finding(kind: .constantFactor, hint: "\(key) is off by a constant factor of \(factorText(c)): a missing or extra division?")
    }

    /// Whether `c` is a whole number from 2 to a million, to a millionth.
    static func isWhole(_ c: Double) -> Bool {
        let r = c.rounded()
        return abs(r) >= 2 && abs(r) <= 1e6 && abs(c - r) < 1e-6 * abs(c)
    }

    /// `8`, `1/8` or `2.718` for a factor. Only factors up to a million are written as whole
    /// numbers: `Int(1e20)` would trap, and a factor like that is no forgotten `/N` anyway.
    static func factorText(_ c: Double) -> String {
        let wholeLimit = 1e6
        let r = c.rounded()
        if abs(r) <= wholeLimit, abs(c - r) < 1e-6 * abs(c), r != 0 { return String(Int(r)) }
        let inverse = (1 / c).rounded()
        if abs(inverse) <= wholeLimit, abs(1 / c - inverse) < 1e-6 * abs(1 / c), inverse != 0 { return "1/\(Int(inverse))" }
        return String(format: "%.4g", c)
    }
}
