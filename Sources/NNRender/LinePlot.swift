/// Line plots with one or more panels side by side, each with named series, optionally log-y
/// (for quantities that shrink or grow geometrically with depth or time).
public struct LinePlot: Figure {
    /// One named curve.
    public struct Series {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public init(name: String, x: [Double], y: [Double]) {
            precondition(x.count == y.count, "series '\(name)' has \(x.count) x and \(y.count) y values")
            self.name = name
            self.x = x
            self.y = y
        }
    }

    /// One set of axes.
    public struct Panel {
        public var title: String
        public var xLabel: String
        public var yLabel: String
        public var series: [Series]
        public var logY: Bool
        /// Mark each point (for few, discrete x such as layers).
        public var markers: Bool
        public init(title: String, xLabel: String, yLabel: String, series: [Series], logY: Bool = false, markers: Bool = true) {
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.series = series
            self.logY = logY
            self.markers = markers
        }
    }

    public var title: String
    public var panels: [Panel]

    public init(title: String, panels: [Panel]) {
        self.title = title
        self.panels = panels
    }

    public var defaultSize: FigureSize {
        FigureSize(width: Swift.min(10_000, 300 + 700 * panels.count), height: 560)
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = ""
        for (p, panel) in panels.enumerated() {
            for (s, series) in panel.series.enumerated() {
                script += Gnuplot.datablock("\(prefix)\(p)_\(s)", rows: zip(series.x, series.y).map { [$0, $1] })
            }
        }
        script += "set multiplot layout 1,\(panels.count) title \(Gnuplot.quoted(title))\n"
        script += "set key outside right top vertical\n"
        for (p, panel) in panels.enumerated() {
            script += panel.logY ? "set logscale y\nset format y \"%g\"\n" : "unset logscale y\nset format y \"% h\"\n"
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            script += "set xlabel \(Gnuplot.quoted(panel.xLabel))\nset ylabel \(Gnuplot.quoted(panel.yLabel))\n"
            let style = panel.markers ? "linespoints pt 7 ps 0.9" : "lines"
            let plots = panel.series.enumerated().map { s, series in
                "$\(prefix)\(p)_\(s) using 1:2 with \(style) lw 2 lc rgb \"\(Theme.color(s))\" title \(Gnuplot.quoted(series.name))"
            }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        return script + "unset multiplot\n"
    }
}
