import Foundation

extension GradientClipping {
    /// The command-line spellings of clipping.
    public static let names = ["none", "value:THETA (or just THETA)", "norm:MAX"]

    /// Parses `none`, `value:5`, `5` (by value, the lecture's θ) or `norm:1`, and validates it.
    /// - Throws: `LabError` listing the valid spellings.
    public init(parsing text: String) throws {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        let parts = lowered.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("none", 1):
            self = .none
        case ("value", 2):
            guard let threshold = Double(parts[1]) else { throw Self.error(text) }
            self = .value(threshold: threshold)
        case ("norm", 2):
            guard let maxNorm = Double(parts[1]) else { throw Self.error(text) }
            self = .norm(maxNorm: maxNorm)
        case (_, 1):
            guard let threshold = Double(lowered) else { throw Self.error(text) }
            self = .value(threshold: threshold)
        default:
            throw Self.error(text)
        }
        try validate()
    }

    private static func error(_ text: String) -> LabError {
        LabError("unknown clipping '\(text)'; valid: \(names.joined(separator: ", "))")
    }
}
