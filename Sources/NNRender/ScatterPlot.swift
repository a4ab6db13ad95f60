/// Panels of points or marked curves with optional log-x axes and a `y = x` reference line: for
/// comparing two computations of the same numbers (points on the diagonal agree) and for curves
/// against a count that spans decades (ensemble passes 1…1000).
public struct ScatterPlot: Figure {
    /// How a series is drawn.
    public enum Style: Sendable {
        /// Unconnected dots.
        case points
        /// Dots joined by lines, for a curve over ordered x.
        case linesPoints
    }

    /// One named set of points.
    public struct Series {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var style: Style
        public init(name: String, x: [Double], y: [Double], style: Style = .linesPoints) {
            precondition(x.count == y.count, "series '\(name)' has \(x.count) x and \(y.count) y values")
            self.name = name
            self.x = x
            self.y = y
            self.style = style
        }
    }

    /// One set of axes.
    public struct Panel {
        public var title: String
        public var xLabel: String
        public var yLabel: String
        public var series: [Series]
        public var logX: Bool
        /// Draws the line `y = x` under the points.
        public var diagonal: Bool
        public init(title: String, xLabel: String, yLabel: String, series: [Series], logX: Bool = false, diagonal: Bool = false) {
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.series = series
            self.logX = logX
            self.diagonal = diagonal
        }
    }

    public var title: String
    public var panels: [Panel]

    public init(title: String, panels: [Panel]) {
        self.title = title
        self.panels = panels
    }

    public var defaultSize: FigureSize {
        FigureSize(width: Swift.min(10_000, 300 + 700 * panels.count), height: 600)
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = ""
        for (p, panel) in panels.enumerated() {
            for (s, series) in panel.series.enumerated() {
                script += Gnuplot.datablock("\(prefix)\(p)_\(s)", rows: zip(series.x, series.y).map { [$0, $1] })
            }
        }
        script += "set multiplot layout 1,\(panels.count) title \(Gnuplot.quoted(title))\n"
        script += "set key bottom right vertical\n"
        for (p, panel) in panels.enumerated() {
            script += panel.logX ? "set logscale x\nset format x \"%g\"\n" : "unset logscale x\nset format x \"% h\"\n"
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            script += "set xlabel \(Gnuplot.quoted(panel.xLabel))\nset ylabel \(Gnuplot.quoted(panel.yLabel))\n"
            var plots = panel.series.enumerated().map { s, series in
                let style = series.style == .points ? "points pt 7 ps 0.6" : "linespoints pt 7 ps 0.9 lw 2"
                return "$\(prefix)\(p)_\(s) using 1:2 with \(style) lc rgb \"\(Theme.color(s))\" title \(Gnuplot.quoted(series.name))"
            }
            if panel.diagonal { plots.insert("x with lines dt 2 lw 1 lc rgb \"#888888\" title \"y = x\"", at: 0) }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        return script + "unset multiplot\nunset logscale x\n"
    }
}
