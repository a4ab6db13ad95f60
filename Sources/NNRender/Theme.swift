import NNEngine

/// NNLab's slide look, in a light and a dark version: light or dark background, light grid,
/// outward tics on the left and bottom only, and a colour-blind-safe palette in which every slot
/// also has its own dash pattern and marker (`--theme light|dark`).
///
/// Figures read the theme they are drawn in from `Theme.current`, which the renderer sets while
/// it writes their scripts; outside a renderer it is `light`.
public enum Theme: String, CaseIterable, Codable, Sendable {
    /// White background, dark text: slides with a light background, printed notes, the web.
    case light
    /// Near-black background, light text: dark slide decks.
    case dark

    /// The theme figures are being drawn in (set by `FigureRenderer` around each script).
    @TaskLocal public static var current: Theme = .light

    /// Parses `light` or `dark`.
    /// - Throws: `LabError` naming the valid themes.
    public init(parsing text: String) throws {
        guard let theme = Theme(rawValue: text.lowercased()) else {
            throw LabError("unknown theme '\(text)'; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = theme
    }

    /// The series colours.
    ///
    /// Light: Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky
    /// blue, grey, black. Grey takes the place of Okabe–Ito's yellow (#F0E442): at 1.3:1 against
    /// white, a yellow path vanished on a projected slide.
    ///
    /// Dark: the same hues where they stand out against #1B1B1B (contrast ≥ 3:1), slot for slot,
    /// so a figure keeps its colours' meaning: Okabe–Ito's blue (2.6:1 on the dark background)
    /// becomes its sky blue, the sky blue slot becomes the yellow that white hid, grey lightens
    /// and black becomes near-white.
    public var colors: [String] {
        switch self {
        case .light: return ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6E6E6E", "#000000"]
        case .dark: return ["#56B4E9", "#E8743B", "#1DB98C", "#D98CB8", "#E69F00", "#F0E442", "#A8A8A8", "#F2F2F2"]
        }
    }

    /// The page colour.
    public var background: String { self == .light ? "#FFFFFF" : "#1B1B1B" }
    /// Titles, labels, legend text and marks drawn in "black" (starts, minima).
    public var ink: String { self == .light ? "#000000" : "#F2F2F2" }
    /// Tic labels: a little quieter than the titles.
    var ticText: String { self == .light ? "#333333" : "#D0D0D0" }
    /// The axes.
    var axis: String { self == .light ? "#444444" : "#B0B0B0" }
    /// Grid lines: visible, but behind everything.
    var gridLine: String { self == .light ? "#E3E3E3" : "#3A3A3A" }
    /// The legend's frame.
    var keyBox: String { self == .light ? "#CCCCCC" : "#5A5A5A" }
    /// Reference lines (`y = x`, empty frames): present but quiet.
    public var neutral: String { self == .light ? "#888888" : "#9A9A9A" }
    /// What must catch the eye (the worst elements of a graded answer).
    public var alert: String { self == .light ? "#B00000" : "#FF6F6F" }

    /// The level lines of a contour map, low to high (a gnuplot `palette defined` list). Light:
    /// pale to dark blue. Dark: the other way round, dim to pale, so that no level sinks into the
    /// background (the light theme's dark blue was invisible on #1B1B1B).
    public var levelLinePalette: String {
        self == .light ? "(0 \"#C6DBEF\", 1 \"#6B8EB5\", 2 \"#35506E\")" : "(0 \"#3F5F82\", 1 \"#6F93BA\", 2 \"#B4CDE6\")"
    }

    /// Filled contour bands, low to high. Light: ColorBrewer Blues, white (the minimum) to navy.
    /// Dark: background-dark at the minimum to a muted slate blue, so the bright paths (sky blue,
    /// orange, near-white marks) keep their contrast everywhere; pale bands glared on a dark
    /// slide and hid the sky-blue path.
    public var bandPalette: String {
        self == .light
            ? "(0 \"#F7FBFF\", 1 \"#C6DBEF\", 2 \"#6BAED6\", 3 \"#2171B5\", 4 \"#08306B\")"
            : "(0 \"#202224\", 1 \"#26313D\", 2 \"#2E4257\", 3 \"#3A5573\", 4 \"#4A6A8E\")"
    }

    /// The current theme's palette.
    public static var palette: [String] { current.colors }

    /// gnuplot dash types, one per palette slot: solid, long dash, dots, dash-dot, short dash,
    /// dash-dot-dot, very long dash, dash-dash-dot. Where colours are hard to tell apart (colour
    /// blindness, greyscale print, one path on top of another) the dashes still are.
    public static let dashes = ["1", "(14,6)", "(2,5)", "(14,5,2,5)", "(7,5)", "(12,4,2,4,2,4)", "(28,8)", "(8,4,8,4,2,4)"]

    /// The dash type of series `i`, cycling with the palette.
    public static func dash(_ i: Int) -> String { dashes[i % dashes.count] }

    /// gnuplot point types, one per palette slot, all open shapes: square, circle, triangle,
    /// inverted triangle, diamond, plus, cross, pentagon. GIF animations (libgd) draw no dashes,
    /// so paths that overlap there are told apart by these.
    public static let markers = [4, 6, 8, 10, 12, 1, 2, 14]

    /// The point type of series `i`, cycling with the palette.
    public static func marker(_ i: Int) -> Int { markers[i % markers.count] }

    /// The colour of series `i` in the current theme, cycling through the palette.
    public static func color(_ i: Int) -> String { palette[i % palette.count] }

    /// The current theme's text colour as a gnuplot option, for `set label` and `set multiplot
    /// … title`, which do not take the preamble's default.
    public static var textColor: String { "textcolor rgb \"\(current.ink)\"" }

    /// Settings sent before every figure (after `reset`): the current theme's.
    static var preamble: String { current.preamble }

    /// This theme's settings, sent before every figure drawn in it.
    var preamble: String {
        """
        reset
        set border 3 lw 1 lc rgb "\(axis)"
        set tics nomirror out scale 0.6 textcolor rgb "\(ticText)"
        set grid xtics ytics lw 0.6 lc rgb "\(gridLine)"
        set key noautotitle box lc rgb "\(keyBox)" opaque samplen 2 spacing 1.1 textcolor rgb "\(ink)"
        set title textcolor rgb "\(ink)"
        set xlabel textcolor rgb "\(ink)"
        set ylabel textcolor rgb "\(ink)"
        set cblabel textcolor rgb "\(ink)"
        set style fill solid 0.85 noborder
        set datafile missing "NaN"

        """
    }
}
