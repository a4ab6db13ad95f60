import Foundation
import NNEngine

/// The data files shipped in `labs/data/` (attribution in `labs/data/SOURCES.md`).
public enum BundledData {
    /// `labs/data`, found from this source file's location at build time, or `$NNLAB_DATA`.
    public static var folder: URL {
        if let explicit = ProcessInfo.processInfo.environment["NNLAB_DATA"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")
    }

    /// The CC0 cat photo, 451×300.
    public static var cat: URL { folder.appendingPathComponent("chelsea.png") }
    /// The CC0 coffee photo, 600×400.
    public static var coffee: URL { folder.appendingPathComponent("coffee.png") }
    /// The UCI handwritten digits, gzip-compressed CSV.
    public static var digits: URL { folder.appendingPathComponent("digits.csv.gz") }

    /// Checks that a bundled file exists, saying what to do when it does not.
    static func require(_ url: URL) throws -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LabError("bundled data \(url.path) not found; set NNLAB_DATA to the folder holding it, or pass --image")
        }
        return url
    }
}
