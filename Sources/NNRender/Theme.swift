/// NNLab's clean default look: white background, light grid, outward tics on the left and
/// bottom only, and the Okabe–Ito palette, which stays distinct for colour-blind readers and in
/// greyscale print.
public enum Theme {
    /// Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    /// The colour of series `i`, cycling through the palette.
    public static func color(_ i: Int) -> String { palette[i % palette.count] }

    /// Settings sent before every figure (after `reset`).
    static let preamble = """
        reset
        set border 3 lw 1 lc rgb "#444444"
        set tics nomirror out scale 0.6 textcolor rgb "#333333"
        set grid xtics ytics lw 0.6 lc rgb "#E3E3E3"
        set key noautotitle box lc rgb "#CCCCCC" opaque samplen 2 spacing 1.1
        set style fill solid 0.85 noborder
        set datafile missing "NaN"

        """
}
