import NNEngine

extension ContourPlot {
    /// The `filledBands` style: `log₁₀(1 + f)` as an image in `bands` discrete colours, each path as
    /// points joined by lines (the first in the theme's second colour, the others in its first:
    /// grading puts the submission first, over the reference), the minima marked, no start marker
    /// (the 004 deck's optimizer animations on Beale's function, as a still).
    ///
    /// Filled bands rather than gnuplot's contour lines: computing and stroking the lines costs as
    /// much again as the whole figure, and a class of 300 draws 300 of these.
    func filledBandsCommands(prefix: String, bands: Int) -> String {
        var script = grid.logDatablock("\(prefix)grid")
        for (p, path) in paths.enumerated() {
            script += Gnuplot.datablock("\(prefix)p\(p)", rows: zip(path.x, path.y).map { [$0, $1] })
        }
        if !minima.isEmpty { script += Gnuplot.datablock("\(prefix)min", rows: minima.map { [$0.x, $0.y] }) }
        let domain = grid.domain
        script += """
            set title \(Gnuplot.quoted(title))
            set xlabel "x"\nset ylabel "y"\nset size ratio -1
            set xrange [\(domain.x.lowerBound):\(domain.x.upperBound)]\nset yrange [\(domain.y.lowerBound):\(domain.y.upperBound)]
            set palette defined \(Theme.current.bandPalette)
            set palette maxcolors \(bands)
            set cblabel "log10(1 + f)"\nset key outside right top vertical

            """
        var plots = ["$\(prefix)grid using 1:2:3 with image notitle"]
        for (p, path) in paths.enumerated() {
            let color = Theme.color(p == 0 ? 1 : 0)
            plots.append("$\(prefix)p\(p) using 1:2 with linespoints lw 2 pt 7 ps 0.8 lc rgb \"\(color)\" title \(Gnuplot.quoted(path.name))")
        }
        if !minima.isEmpty {
            plots.append("$\(prefix)min using 1:2 with points pt 3 ps 2.5 lw 2 lc rgb \"\(Theme.current.ink)\" title \"minimum\"")
        }
        return script + "plot " + plots.joined(separator: ", \\\n     ") + "\n"
    }
}
