import Foundation

/// The project's shipped data, found from this source file's location.
enum DataFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let digits = root.appendingPathComponent("labs/data/digits.csv.gz")
}
