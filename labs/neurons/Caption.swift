import Foundation
import NNFiles

/// The gallery caption every figure of this lab carries (shared with the other labs through NNFiles).
typealias Caption = GalleryCaption

/// Short number formats for titles and captions.
enum Format {
    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 1e-3 && abs(x) < 1e4 ? String(format: "%.4g", x) : String(format: "%.2e", x))
    }
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
}
