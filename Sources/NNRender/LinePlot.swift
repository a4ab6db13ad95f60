import Foundation

/// Line plots with one or more panels side by side, each with named series, optionally log-x or
/// log-y (for quantities that shrink or grow geometrically, or counts that span decades), and
/// optionally unconnected dots over a `y = x` line (comparing two computations of the same
/// numbers: points on the diagonal agree).
public struct LinePlot: Figure {
    /// One named curve.
    public struct Series {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Unconnected dots, for a scatter, instead of the panel's lines.
        public var dotsOnly: Bool
        /// The theme colour to use; `nil` takes the series' position in its panel. Two series
        /// that belong together (train and validation of one run) share one.
        public var color: Int?
        /// A dashed line, to tell apart two series of one colour.
        public var dashed: Bool
        /// The size of `dotsOnly` dots: 0.6 suits a scatter of hundreds; a handful of values
        /// (the members of an ensemble) read better larger.
        public var dotSize: Double
        public init(name: String, x: [Double], y: [Double], dotsOnly: Bool = false, color: Int? = nil, dashed: Bool = false,
                    dotSize: Double = 0.6) {
            precondition(x.count == y.count, "series '\(name)' has \(x.count) x and \(y.count) y values")
            self.name = name
            self.x = x
            self.y = y
            self.dotsOnly = dotsOnly
            self.color = color
            self.dashed = dashed
            self.dotSize = dotSize
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
        public var logX: Bool
        /// Draw the line `y = x` under the series.
        public var diagonal: Bool
        /// Where the y axis starts (0 for a fraction or a distance, chance for an accuracy); the
        /// top follows the data. `nil` lets gnuplot choose, which cuts the axis close to the data
        /// and makes a small difference look large.
        public var yFrom: Double?
        /// A line written in the panel's lower left corner: what the figure cannot show by itself
        /// (a series with no point on a log axis).
        public var note: String?
        /// A fixed y range for panels that must share axes (one experiment per panel, read side by
        /// side); `nil` follows `yFrom` and the data. Values outside are clipped by gnuplot.
        public var yRange: ClosedRange<Double>? = nil
        /// Ticks on whole numbers only (a degree, a seed index, a layer, an epoch): `nil` infers it
        /// when every x is a whole number; gnuplot's own step put ticks at 2.5, 7.5…
        public var integerX: Bool? = nil
        /// A fixed step between x ticks (linear axis), for a panel narrower than `xTicStep`'s six
        /// intervals allow (one of a row of five); `nil` uses `xTicStep`.
        public var xTicStepOverride: Double? = nil
        /// A fixed step between y ticks (linear axis), for a panel whose height holds fewer labels
        /// than gnuplot's own choice (a row of a 2×2 grid); `nil` lets gnuplot choose.
        public var yTicStep: Double? = nil
        public init(title: String, xLabel: String, yLabel: String, series: [Series], logY: Bool = false, markers: Bool = true,
                    logX: Bool = false, diagonal: Bool = false, yFrom: Double? = nil, note: String? = nil) {
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.series = series
            self.logY = logY
            self.markers = markers
            self.logX = logX
            self.diagonal = diagonal
            self.yFrom = yFrom
            self.note = note
        }
    }

    /// Where the legend goes.
    public enum KeyPlacement: Sendable {
        /// Right of the panel: never covers data, at the cost of width.
        case outside
        /// In the panel's lower right corner, where rising curves and diagonals leave room.
        case insideBottomRight
        /// Under the panel, in columns: for long names that would take half the width beside it.
        case below
    }

    public var title: String
    public var panels: [Panel]
    public var key: KeyPlacement
    /// Panels per row, filled left to right, top to bottom; `nil` puts every panel in one row.
    public var columns: Int?

    /// One row of panels unless `columns` is given (e.g. 2 for one row per data set).
    public init(title: String, panels: [Panel], key: KeyPlacement = .outside, columns: Int? = nil) {
        self.title = title
        self.panels = panels
        self.key = key
        self.columns = columns
    }

    /// The bottom margin, in lines, under a legend of `rows` below: the x tics and label, a line
    /// between (gnuplot sets the box against the label), and the rows at the key's 1.1 spacing with
    /// the box's padding; at least seven.
    static func belowKeyMargin(rows: Int) -> Int {
        Swift.max(7, Int((1.1 * Double(rows) + 4.5).rounded(.up)))
    }

    /// The panel grid: `columns`, at most the panel count and at least 1, and the rows it takes.
    var grid: (rows: Int, columns: Int) {
        let c = Swift.max(1, Swift.min(columns ?? panels.count, panels.count))
        return ((panels.count + c - 1) / c, c)
    }

    /// 700 pixels a column and 500 a row, and at least 9/20 of the width high, so that a row of
    /// panels fills a 16:9 slide's height as well as its width (text is sized to the slide:
    /// `FigureSize.fontSize`).
    /// A legend below the panels adds the lines of its margin beyond seven to each row of panels,
    /// so that the plots keep their height.
    public var defaultSize: FigureSize {
        let width = Swift.min(10_000, 300 + 700 * grid.columns)
        let base = FigureSize(width: width, height: Swift.min(10_000, Swift.max(60 + 500 * grid.rows, width * 9 / 20)))
        guard key == .below else { return base }
        let line = 1.25 * Double(base.fontSize) * 4 / 3
        let extra = Double(grid.rows * (Self.belowKeyMargin(rows: belowKeyRows(across: base)) - 7)) * line
        return FigureSize(width: width, height: Swift.min(10_000, base.height + Int(extra.rounded(.up))))
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = ""
        for (p, panel) in panels.enumerated() {
            for (s, series) in panel.series.enumerated() {
                script += Gnuplot.datablock("\(prefix)\(p)_\(s)", rows: zip(series.x, series.y).map { [$0, $1] })
            }
        }
        script += "set multiplot layout \(grid.rows),\(grid.columns) title \(Gnuplot.quoted(TitleWrap.fitted(title, to: defaultSize))) \(Theme.textColor)\n"
        let keyCommand: String
        switch key {
        case .outside: keyCommand = "set key outside right top vertical\n"
        case .insideBottomRight: keyCommand = "set key inside bottom right vertical\n"
        case .below:
            // gnuplot's automatic margin leaves the x label under the key: room for both, the
            // key's rows (as many columns as the longest name allows) and a line between.
            let rows = belowKeyRows(across: defaultSize)
            keyCommand = "set key outside center bottom horizontal maxrows \(rows)\nset bmargin \(Self.belowKeyMargin(rows: rows))\n"
        }
        script += keyCommand
        let sharedKey = sharedKeyFraction
        let titles = paddedTitles
        var keyShown = true
        for (p, panel) in panels.enumerated() {
            if let sharedKey {
                script += sharedKeyMargins(panel: p, keyFraction: sharedKey) + self.sharedKey(panel: p)
            } else if panel.hasKeyEntry != keyShown {
                // A panel whose series are all unnamed has no legend: gnuplot still drew the
                // key's empty box, a faint line in the corner (the neurons lab's activations).
                keyShown = panel.hasKeyEntry
                script += keyShown ? keyCommand : "unset key\n"
            }
            // gnuplot stops the whole figure at a panel with no point it can place ("x range is
            // invalid"): a run that overflowed or underflowed everywhere. Such a panel says so.
            guard panel.hasDrawablePoint else {
                script += "unset logscale y\nunset logscale x\nset xrange [0:1]\nset yrange [0:1]\nset xtics autofreq\n"
                script += "set title \(Gnuplot.quoted(panel.title))\nset xlabel \(Gnuplot.quoted(panel.xLabel))\nset ylabel \(Gnuplot.quoted(panel.yLabel))\n"
                let note = panel.logY ? "no finite value above 0 to draw on a log scale" : "no finite value to draw"
                script += "set label 1 \(Gnuplot.quoted(note)) at graph 0.5, 0.5 center \(Theme.textColor)\nplot NaN notitle\nunset label 1\nset autoscale x\nset autoscale y\n"
                continue
            }
            script += panel.logY ? "set logscale y\nset format y \"%g\"\n" : "unset logscale y\nset format y \"% h\"\n"
            // After the log scale: a range from 0 set while the previous panel's log axis is
            // still on is refused, and the axis kept the previous panel's range.
            if let range = panel.yRange {
                script += "set yrange [\(range.lowerBound):\(range.upperBound)]\n"
            } else if let flat = panel.flatYRange {
                script += "set yrange [\(flat.lowerBound):\(flat.upperBound)]\n"
            } else if let low = panel.yFrom, !panel.logY {
                script += "set yrange [\(low):*]\n"
            } else {
                script += "set autoscale y\n"
            }
            script += panel.logX ? "set logscale x\nset format x \"%g\"\n" : "unset logscale x\nset format x \"% h\"\n"
            script += panel.xTicStep.map { "set xtics \($0)\n" } ?? "set xtics autofreq\n"
            if let step = panel.yTicStep { script += "set ytics \(step)\n" }
            script += "set title \(Gnuplot.quoted(titles[p]))\n"
            script += "set xlabel \(Gnuplot.quoted(panel.xLabel))\nset ylabel \(Gnuplot.quoted(panel.yLabel))\n"
            var plots = panel.series.enumerated().map { s, series in
                "$\(prefix)\(p)_\(s) using 1:2 with \(panel.style(of: series, at: s)) lc rgb \"\(Theme.color(series.color ?? s))\" title \(Gnuplot.quoted(series.name))"
            }
            if panel.diagonal { plots.insert("x with lines dt 2 lw 1 lc rgb \"\(Theme.current.neutral)\" title \"y = x\"", at: 0) }
            if let note = panel.note {
                // The first line sits at the anchor and the others below it: the anchor rises
                // by a line (about 6% of a panel) for each extra line.
                let wrapped = TitleWrap.wrapped(note, limit: noteCharacters)
                let extra = Double(wrapped.split(separator: "\n").count - 1)
                script += "set label 2 \(Gnuplot.quoted(wrapped)) at graph 0.02, graph \(0.04 + 0.06 * extra) left front \(Theme.textColor)\n"
            }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
            if panel.note != nil { script += "unset label 2\n" }
            if panel.yTicStep != nil { script += "set ytics autofreq\n" }
        }
        if let sharedKey {
            let titleLines = TitleWrap.fitted(title, to: defaultSize).split(separator: "\n", omittingEmptySubsequences: false).count
            script += sharedKeyPanel(keyFraction: sharedKey, titleLines: titleLines)
        }
        return script + "unset multiplot\nunset logscale x\nset xtics autofreq\n" + (key == .below ? "set bmargin\n" : "")
            + (sharedKey != nil ? "set lmargin\nset rmargin\nset tmargin\nset bmargin\nset border\nset tics\n" : "")
            + (keyShown ? "" : "set key\n")
    }
}

extension LinePlot.Panel {
    /// Whether the panel's legend has an entry: a named series, or the `y = x` line.
    var hasKeyEntry: Bool { diagonal || series.contains { !$0.name.isEmpty } }

    /// How series `s` is drawn: its colour slot's marker and dash pattern (`Theme`), so curves
    /// stay apart for colour-blind readers and in greyscale. A panel that pairs series of one
    /// colour (train and validation) keeps the dash for the pair: solid, and dashed for the
    /// `dashed` one. Curves of many points get a marker every eighth of their length.
    func style(of series: LinePlot.Series, at s: Int) -> String {
        if series.dotsOnly { return "points pt 7 ps \(series.dotSize)" }
        let slot = series.color ?? s
        let dash = self.series.contains(where: \.dashed) ? (series.dashed ? "2" : "1") : Theme.dash(slot)
        // Marked panels (few, discrete x: layers) mark every point up to 24 of them, then every
        // 24th of the series; a marker on each of a hundred elements drew a solid bar.
        let every = markers ? Swift.max(1, series.x.count / 24) : Swift.max(1, series.x.count / 8)
        return "linespoints pt \(Theme.marker(slot)) pi \(every) ps 1.3 lw 2.5 dt \(dash)"
    }

    /// Whether any point can be placed: finite, and above 0 on a log axis.
    var hasDrawablePoint: Bool {
        series.contains { series in
            zip(series.x, series.y).contains { x, y in
                x.isFinite && y.isFinite && (!logY || y > 0) && (!logX || x > 0)
            }
        }
    }

    /// A y range of ±5% around the values (±1 around 0) when they are equal up to rounding
    /// (relative spread below 1e-9), or `nil`. gnuplot stretches any spread to fill the axis: two
    /// computations of −1.01307 that differ by 2e-16 looked like a disagreement, with both ticks
    /// labelled −1.01307.
    var flatYRange: ClosedRange<Double>? {
        guard !logY else { return nil }
        let ys = series.flatMap(\.y).filter(\.isFinite)
        guard let low = ys.min(), let high = ys.max() else { return nil }
        let size = Swift.max(abs(low), abs(high))
        guard high - low <= 1e-9 * size || high == low else { return nil }
        let middle = (low + high) / 2
        let half = size == 0 ? 1 : 0.05 * size
        return (middle - half)...(middle + half)
    }

    /// A round spacing (1, 2, 2.5 or 5 times a power of ten) giving at most 6 intervals over the
    /// panel's x range, or `nil` (gnuplot's own) on a log axis or without a range. gnuplot's own
    /// choice ignores the label width, and in a panel of a grid, epochs 0…150 at steps of 20 ran
    /// into one another. On a whole-number axis (`integerX`, inferred when every x is whole) the
    /// step is a whole number, at least 1.
    var xTicStep: Double? {
        guard !logX else { return nil }
        if let xTicStepOverride { return xTicStepOverride }
        let xs = series.flatMap(\.x).filter(\.isFinite)
        guard let low = xs.min(), let high = xs.max(), high > low else { return nil }
        let rough = (high - low) / 6
        let magnitude = pow(10, log10(rough).rounded(.down))
        if integerX ?? xs.allSatisfy({ $0 == $0.rounded() }) {
            return [1.0, 2, 2.5, 5, 10].map { Swift.max(1, $0 * magnitude) }.first { $0 >= rough && $0 == $0.rounded() }!
        }
        return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!
    }
}
