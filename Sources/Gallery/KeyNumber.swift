import Foundation

/// One number worth reading off a figure, with what it is: "activation std, layer 6" = "0.29".
struct KeyNumber: Equatable, Sendable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `value` with four significant digits, the precision a caption needs (the JSON has all 17).
    init(_ name: String, _ value: Double) {
        self.init(name, Self.short(value))
    }

    /// Four significant digits; NaN and ±∞ spelled out.
    static func short(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.4g", value)
    }

    /// A fraction as a percentage with one decimal: 0.9443 → "94.4%".
    static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? String(format: "%.1f%%", fraction * 100) : short(fraction)
    }
}
