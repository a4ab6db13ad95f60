import NNEngine

/// A strip or grid of histograms, one panel per layer, all on the same x range so that a
/// collapsing or saturating distribution is visible at a glance (the lectures' layer-by-layer
/// activation plots).
///
/// Bars show each bin's fraction of all values, so panels with different counts compare.
public struct HistogramGrid: Figure {
    public struct Panel {
        public var title: String
        public var histogram: Histogram
        public init(title: String, histogram: Histogram) {
            self.title = title
            self.histogram = histogram
        }
    }

    public var title: String
    public var xLabel: String
    public var panels: [Panel]
    /// Panels per row; by default all in one row (a strip).
    public var columns: Int?
    /// Draw the y axis on a log scale, for distributions with a huge spike (ReLU's zeros).
    public var logY: Bool

    public init(title: String, xLabel: String, panels: [Panel], columns: Int? = nil, logY: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.panels = panels
        self.columns = columns
        self.logY = logY
    }

    var layout: (rows: Int, columns: Int) {
        let columns = Swift.max(1, Swift.min(self.columns ?? panels.count, panels.count))
        return ((panels.count + columns - 1) / columns, columns)
    }

    public var defaultSize: FigureSize {
        let (rows, columns) = layout
        return FigureSize(width: Swift.min(10_000, 120 + 300 * columns), height: Swift.min(10_000, 120 + 320 * rows))
    }

    public func gnuplotCommands(prefix: String) -> String {
        guard let first = panels.first else { return "" }
        var script = ""
        for (i, panel) in panels.enumerated() {
            let h = panel.histogram
            let width = h.edges[1] - h.edges[0]
            script += Gnuplot.datablock("\(prefix)\(i)", rows: zip(h.centers, h.fractions).map { [$0, $1, width] })
        }
        let (rows, columns) = layout
        script += "set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted(title))\nunset key\n"
        script += "set xrange [\(first.histogram.edges.first!):\(first.histogram.edges.last!)]\n"
        script += logY ? "set logscale y\nset yrange [*:1]\n" : "set yrange [0:*]\n"
        script += "set xlabel \(Gnuplot.quoted(xLabel))\nset ylabel \"fraction\"\n"
        for (i, panel) in panels.enumerated() {
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            if i % columns != 0 { script += "unset ylabel\n" }
            script += "plot $\(prefix)\(i) using 1:2:3 with boxes lc rgb \"\(Theme.color(0))\"\n"
        }
        return script + "unset multiplot\n"
    }
}
