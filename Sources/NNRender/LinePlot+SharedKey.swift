/// One legend for a row of panels that plot the same series (the init study's activations and
/// gradients): drawn once, right of the last panel, with every panel the same width.
///
/// With a legend beside each panel, two panels of seven schemes gave a third of the figure to
/// two copies of one legend. gnuplot's layout sizes each panel's plot area after its own key, so
/// the panels here are placed by screen margins: the legend's column is reserved at the right,
/// and the rest is shared equally among the columns.
extension LinePlot {
    /// The legend column's share of the width when every panel has the same series names and the
    /// legend goes outside, else `nil`.
    var sharedKeyFraction: Double? {
        guard key == .outside, panels.count > 1, let names = panels.first?.series.map(\.name),
              panels.allSatisfy({ $0.series.map(\.name) == names }) else { return nil }
        // The sample line (samplen 2) and the box's padding take about six characters.
        let characters = Double((names.map(\.count).max() ?? 0) + 6)
        return Swift.min(0.4, characters * characterFraction)
    }

    /// One character's share of the figure's width at the default size (`TitleWrap`'s estimate).
    var characterFraction: Double {
        1 / Double(TitleWrap.characters(across: defaultSize))
    }

    /// The screen margins of panel `p` under a shared legend of `keyFraction`: room for the y tic
    /// labels and label (thirteen characters) on the left, two characters between panels.
    func sharedKeyMargins(panel p: Int, keyFraction: Double) -> String {
        let width = (1 - keyFraction) / Double(grid.columns)
        let column = Double(p % grid.columns)
        let left = column * width + 13 * characterFraction, right = (column + 1) * width - 2 * characterFraction
        return "set lmargin at screen \(left)\nset rmargin at screen \(right)\n"
    }

    /// The legend commands before panel `p`: only the last panel of the first row has it, at
    /// its top, in the column, one entry a line.
    func sharedKey(panel p: Int) -> String {
        p == grid.columns - 1 ? "set key at screen 0.995, graph 1 right top vertical maxcols 1\n" : "unset key\n"
    }

    /// How many characters of a panel's note fit across it.
    var noteCharacters: Int {
        let share = (1 - (sharedKeyFraction ?? (key == .outside ? 0.3 : 0))) / Double(grid.columns)
        return Swift.max(20, Int(share / characterFraction) - 4)
    }
}
