import Foundation
import NNEngine

/// The parameters of one `lab augment` run: which sheets, how many samples each, on which photos.
public struct AugmentConfiguration: Sendable {
    /// The photo every single-image sheet transforms (default: the bundled cat).
    public var image: URL
    /// The second photo, mixed with the first by mixup and cutmix (default: the bundled coffee).
    public var partner: URL
    public var sheets: [SheetKind]
    /// Random samples per sheet, beside the original.
    public var samples: Int
    public var seed: UInt64

    public init(image: URL? = nil, partner: URL? = nil, sheets: [SheetKind] = SheetKind.allCases, samples: Int = 8, seed: UInt64 = 0) {
        self.image = image ?? BundledData.cat
        self.partner = partner ?? BundledData.coffee
        self.sheets = sheets
        self.samples = samples
        self.seed = seed
    }

    /// At most this many samples a sheet: beyond it the thumbnails become too small to read.
    public static let sampleLimit = 48

    /// Checks the counts and selection.
    /// - Throws: `LabError` saying which value is wrong and the allowed range.
    public func validate() throws {
        guard (1...Self.sampleLimit).contains(samples) else {
            throw LabError("samples must be within 1...\(Self.sampleLimit), got \(samples)")
        }
        guard !sheets.isEmpty else { throw LabError("no transform selected") }
    }
}
