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

    /// The `set terminal` line for a figure of `size` pixels in `theme`. PDF sizes are in inches,
    /// at 100 pixels per inch, so that the same `--size` gives the same proportions in every
    /// format; `fontscale` makes the text the same fraction of the figure in all three as well.
    /// pngcairo draws a point as 4/3 pixel (96 dpi); gnuplot's SVG writes the font size as pixels
    /// (×4/3 to match); pdfcairo draws points of 1/72 inch on a page of width/100 inches, which
    /// makes text 100/72 ÷ 4/3 = 1.042 times larger than the PNG's (×0.96 to match).
    func terminal(size: FigureSize, theme: Theme = .light) -> String {
        let font = "Sans,\(size.fontSize)"
        switch self {
        case .png:
            return "set terminal pngcairo size \(size.width),\(size.height) noenhanced font \"\(font)\" background rgb \"\(theme.background)\""
        case .svg:
            return "set terminal svg size \(size.width),\(size.height) noenhanced font \"\(font)\" fontscale \(Self.svgFontScale) background rgb \"\(theme.background)\""
        case .pdf:
            let (w, h) = (Double(size.width) / 100, Double(size.height) / 100)
            return "set terminal pdfcairo size \(w)in,\(h)in noenhanced font \"\(font)\" fontscale \(Self.pdfFontScale) background rgb \"\(theme.background)\""
        }
    }

    /// SVG's font scale: its font sizes are pixels, the PNG's points of 4/3 pixel.
    static let svgFontScale = 1.3333
    /// PDF's font scale: 72 points to the inch on a page of 100 pixels to the inch, against the
    /// PNG's 96 (72/100 × 4/3 = 0.96).
    static let pdfFontScale = 0.96

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

    /// The slide a figure is judged on: 1920×1080 pixels, a 16:9 slide 13.33 × 7.5 inches, so
    /// one slide pixel is 1/144 inch, half a point.
    public static let slide = (width: 1920, height: 1080)
    /// The smallest text on a slide that reads at the back of a lecture hall, in points.
    public static let minimumSlidePoints = 14.0

    /// How much the figure is scaled when it fills the slide (fitted whole, aspect kept).
    public var slideScale: Double {
        Swift.min(Double(Self.slide.width) / Double(width), Double(Self.slide.height) / Double(height))
    }

    /// What text of `points` (the terminal's font size) measures on the slide, in points: cairo
    /// draws a point as 4/3 pixel, the slide scales pixels by `slideScale`, and a slide pixel is
    /// half a point.
    public func slidePoints(_ points: Double) -> Double {
        points * 4 / 3 * slideScale / 2
    }

    /// The font size, in points, that makes text `minimumSlidePoints` on the slide (the slide
    /// rule: text of 14 pt when the image fills a 1080p slide), rounded up; at least 8, and at
    /// most a twelfth of the height, so that a strip given by `--size` keeps room to plot.
    var fontSize: Int {
        let needed = Int((Self.minimumSlidePoints * 2 * 3 / 4 / slideScale).rounded(.up))
        return Swift.max(8, Swift.min(needed, height / 12))
    }

    public var description: String { "\(width)x\(height)" }

    /// The size the figure being written is drawn at (`--size`, else its `defaultSize`), set by
    /// `FigureRenderer` around each script like `Theme.current`; `nil` outside a renderer. A
    /// figure that spaces its tick labels by the pixels they get (`HistogramGrid`) reads it.
    @TaskLocal public static var current: FigureSize?
}
