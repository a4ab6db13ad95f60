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
        // The sample line (samplen 2), the marker and the box's padding take about nine characters.
        let characters = Double((names.map(\.count).max() ?? 0) + 9)
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

    /// The legend commands before panel `p`: none; the legend is a panel of its own.
    func sharedKey(panel p: Int) -> String { "unset key\n" }

    /// The legend as a panel of its own, after the others: the column at the right, from under
    /// the figure's title to the bottom, with nothing but the key (the first panel's series,
    /// drawn as NaN, and an invisible constant so that gnuplot has a point to plot). A key
    /// inside one panel of a grid wrapped into columns to fit that panel's height and covered
    /// the data.
    func sharedKeyPanel(keyFraction: Double, titleLines: Int) -> String {
        let size = defaultSize
        let line = 1.3 * Double(size.fontSize) * 4 / 3 / Double(size.height)
        let top = Swift.max(0.3, 1 - Double(titleLines + 1) * line)
        var script = "set lmargin at screen \(1 - keyFraction)\nset rmargin at screen 0.995\n"
        script += "set tmargin at screen \(top)\nset bmargin at screen 0.02\n"
        script += "unset border\nunset tics\nunset grid\nunset title\nunset xlabel\nunset ylabel\nunset logscale x\nunset logscale y\n"
        script += "set xrange [0:1]\nset yrange [0:1]\nset key inside left top vertical maxrows \(panels[0].series.count + 1)\n"
        let entries = panels[0].series.enumerated().map { s, series in
            "NaN with \(panels[0].style(of: series, at: s)) lc rgb \"\(Theme.color(series.color ?? s))\" title \(Gnuplot.quoted(series.name))"
        }
        return script + "plot 2 notitle, " + entries.joined(separator: ", ") + "\n"
    }

    /// The rows of a legend below each panel at `size`: the longest panel legend in as many
    /// columns as fit across one panel (a column is the longest name and about six characters of
    /// sample and padding).
    func belowKeyRows(across size: FigureSize) -> Int {
        let names = panels.map { $0.series.map(\.name) + ($0.diagonal ? ["y = x"] : []) }.max { $0.count < $1.count } ?? []
        let column = (names.map(\.count).max() ?? 0) + 6
        let across = 0.95 * Double(TitleWrap.characters(across: size)) / Double(grid.columns)
        let columns = Swift.max(1, Int(across) / column)
        return Swift.max(1, (names.count + columns - 1) / columns)
    }

    /// Every panel's title wrapped to its width, and padded with blank lines to the most lines of
    /// any title in its row: gnuplot sizes a panel's top margin after its own title, and in a row
    /// where one title took two lines that panel's plot was shorter than its neighbours'.
    var paddedTitles: [String] {
        let wrapped = panels.map { TitleWrap.wrapped($0.title, limit: noteCharacters) }
        let lines = wrapped.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }
        return wrapped.indices.map { p in
            let row = (p / grid.columns * grid.columns)..<Swift.min(panels.count, (p / grid.columns + 1) * grid.columns)
            let missing = (lines[row].max() ?? 1) - lines[p]
            return wrapped[p] + String(repeating: "\n ", count: missing)
        }
    }

    /// How many characters of a panel's note fit across it.
    var noteCharacters: Int {
        let share = (1 - (sharedKeyFraction ?? (key == .outside ? 0.3 : 0))) / Double(grid.columns)
        return Swift.max(20, Int(share / characterFraction) - 4)
    }
}
