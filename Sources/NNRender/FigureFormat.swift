import NNEngine

/// The file format figures are rendered to, with the gnuplot terminal that makes it.
public enum FigureFormat: String, CaseIterable, Codable, Sendable {
    /// Raster, through cairo (antialiased): for slides and the web.
    case png
    /// Vector: for web pages and further editing.
    case svg
    /// Vector, through cairo: for printed notes and LaTeX.
    case pdf

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The `set terminal` line for a figure of `size` pixels. PDF sizes are in inches, at 100 pixels
    /// per inch, so that the same `--size` gives the same proportions and text size in every format.
    func terminal(size: FigureSize) -> String {
        let font = "Sans,\(size.fontSize)"
        switch self {
        case .png:
            return "set terminal pngcairo size \(size.width),\(size.height) noenhanced font \"\(font)\" background rgb \"white\""
        case .svg:
            return "set terminal svg size \(size.width),\(size.height) noenhanced font \"\(font)\" background rgb \"white\""
        case .pdf:
            let (w, h) = (Double(size.width) / 100, Double(size.height) / 100)
            return "set terminal pdfcairo size \(w)in,\(h)in noenhanced font \"\(font)\""
        }
    }

    /// Parses `png`, `svg` or `pdf`.
    public init(parsing text: String) throws {
        guard let format = FigureFormat(rawValue: text.lowercased()) else {
            throw LabError("unknown format '\(text)'; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = format
    }
}

/// A figure's size in pixels (PNG, SVG) or hundredths of an inch (PDF).
public struct FigureSize: Equatable, Codable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int

    /// The allowed range for each side: below 100 nothing is legible; above 10 000 a PNG is
    /// 400 MB of pixels in cairo before compression.
    public static let sideLimits = 100...10_000

    public init(width: Int, height: Int) {
        precondition(Self.sideLimits.contains(width) && Self.sideLimits.contains(height),
                     "figure size \(width)x\(height) outside \(Self.sideLimits)")
        self.width = width
        self.height = height
    }

    /// Parses `WIDTHxHEIGHT`, e.g. `1600x900`.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw LabError("size '\(text)' is not WIDTHxHEIGHT, e.g. 1600x900")
        }
        guard Self.sideLimits.contains(w), Self.sideLimits.contains(h) else {
            throw LabError("size '\(text)': each side must be within \(Self.sideLimits.lowerBound)...\(Self.sideLimits.upperBound) pixels")
        }
        self.init(width: w, height: h)
    }

    /// A font size that keeps text legible as figures grow: about 1/55 of the shorter side.
    var fontSize: Int { Swift.max(8, Swift.min(20, Swift.min(width, height) / 55)) }

    public var description: String { "\(width)x\(height)" }
}
