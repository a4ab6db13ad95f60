import NNEngine

extension Point2D {
    /// Parses `X,Y`, e.g. `1,1.5` or `-1.5,1e-3`; both coordinates must be finite numbers.
    /// - Throws: `LabError` naming the text and the expected form.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x.isFinite, y.isFinite else {
            throw LabError("start '\(text)' is not X,Y with two finite numbers, e.g. --start 1,1.5")
        }
        self.init(x, y)
    }
}

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
