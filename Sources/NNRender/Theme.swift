/// NNLab's clean default look: white background, light grid, outward tics on the left and
/// bottom only, and the Okabe–Ito palette, which stays distinct for colour-blind readers and in
/// greyscale print.
public enum Theme {
    /// Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, grey,
    /// black. Grey takes the place of Okabe–Ito's yellow (#F0E442): at 1.3:1 against white, a
    /// yellow path vanished on a projected slide.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6E6E6E", "#000000"]

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
