import Foundation

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
