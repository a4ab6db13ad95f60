/// A band of relative errors and the fraction of a test's points it earns.
///
/// A test earns the credit of the first band (in increasing `maxRelativeError`) whose bound its
/// error does not exceed; past the last band it earns nothing.
public struct ScoreBand: Codable, Equatable, Sendable {
    /// The largest relative error in this band (inclusive).
    public let maxRelativeError: Double
    /// The fraction of the points earned, in [0, 1].
    public let credit: Double
    /// What the band means, for feedback, e.g. "fine for float32 and for kinks".
    public let label: String

    public init(maxRelativeError: Double, credit: Double, label: String) {
        self.maxRelativeError = maxRelativeError
        self.credit = credit
        self.label = label
    }

    /// The lectures' gradient-check table (000 deck; CS231n): `< 1e-7` happy, `1e-7 … 1e-4` fine
    /// for objectives with kinks, `1e-4 … 1e-2` uncomfortable, `> 1e-2` probably wrong.
    ///
    /// Both of the first two bands earn full credit: float32 carries 24 bits (ε ≈ 6e-8), and a
    /// few dozen operations in float32 leave relative errors of 1e-7 … 1e-5, so a correct
    /// float32 implementation must land in the second band, not lose points in it. The
    /// uncomfortable band earns half: the right idea with a numerical flaw (a one-sided
    /// difference, an ε in the wrong place).
    public static let lectureDefaults: [ScoreBand] = [
        ScoreBand(maxRelativeError: 1e-7, credit: 1, label: "happy (< 1e-7)"),
        ScoreBand(maxRelativeError: 1e-4, credit: 1, label: "fine: float32 rounding or kinks (1e-7 … 1e-4)"),
        ScoreBand(maxRelativeError: 1e-2, credit: 0.5, label: "uncomfortable (1e-4 … 1e-2)"),
    ]

    /// The band a relative error falls in; `nil` past the last (and for NaN).
    public static func band(for error: Double, in bands: [ScoreBand]) -> ScoreBand? {
        bands.sorted { $0.maxRelativeError < $1.maxRelativeError }.first { error <= $0.maxRelativeError }
    }
}
