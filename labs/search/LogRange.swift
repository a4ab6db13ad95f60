import Foundation
import NNEngine

/// A range of a positive hyperparameter, `low ≤ v ≤ high`, sampled uniformly in `log₁₀ v`
/// ("log-uniform", 001 deck: learning rates and weight decays act multiplicatively, so 1e-4 and
/// 1e-3 differ as much as 1e-2 and 1e-1) or uniformly in `v` (for comparison).
public struct LogRange: Codable, Equatable, Sendable, CustomStringConvertible {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        self.low = low
        self.high = high
    }

    /// `log₁₀ low`, `log₁₀ high`.
    public var logLow: Double { log10(low) }
    public var logHigh: Double { log10(high) }
    /// The width in decades.
    public var decades: Double { logHigh - logLow }

    /// `10^(log low + u·(log high − log low))` for `u` ∈ [0, 1).
    public func logUniform(_ u: Double) -> Double { pow(10, logLow + u * decades) }
    /// `low + u·(high − low)`.
    public func uniform(_ u: Double) -> Double { low + u * (high - low) }
    /// `count` log-spaced values from `low` to `high`, both included (a grid axis).
    public func grid(_ count: Int) -> [Double] {
        count == 1 ? [pow(10, (logLow + logHigh) / 2)]
            : (0..<count).map { pow(10, logLow + Double($0) * decades / Double(count - 1)) }
    }

    /// Where `v` lies in the range, 0 at `low` and 1 at `high`, in log coordinates.
    public func logPosition(_ v: Double) -> Double { (log10(v) - logLow) / decades }

    /// - Throws: `LabError` unless `0 < low < high`, both finite.
    public func validate(_ name: String) throws {
        guard low.isFinite, high.isFinite, low > 0, high > low else {
            throw LabError("\(name) range \(low)...\(high) must have 0 < low < high")
        }
    }

    public var description: String { "[\(Self.short(low)), \(Self.short(high))]" }

    /// A value in 3 significant digits, e.g. `0.0316`, `1e-05`.
    public static func short(_ v: Double) -> String { String(format: "%.3g", v) }
}
