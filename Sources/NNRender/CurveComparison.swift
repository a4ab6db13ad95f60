/// A grid of panels, each with reference curves drawn as lines and the submitted values at the
/// same x drawn as points on top: where a student's activation (or its derivative) leaves the
/// reference curve is visible at a glance. Each panel's y range is the reference's, padded by a
/// quarter; submitted values beyond it are drawn on its edge, so a wild answer cannot squash the
/// reference curves flat.
public struct CurveComparison: Figure {
    /// One reference curve and, if available, the submitted values at the same x.
    public struct Curve {
        public var name: String
        public var x: [Double]
        public var reference: [Double]
        public var submitted: [Double]?
        public init(name: String, x: [Double], reference: [Double], submitted: [Double]?) {
            precondition(x.count == reference.count && (submitted?.count ?? x.count) == x.count,
                         "curve '\(name)': x, reference and submitted differ in length")
            self.name = name
            self.x = x
            self.reference = reference
            self.submitted = submitted
        }
    }

    /// One set of axes.
    public struct Panel {
        public var title: String
        public var curves: [Curve]
        public init(title: String, curves: [Curve]) {
            self.title = title
            self.curves = curves
        }
    }

    public var title: String
    public var xLabel: String
    public var panels: [Panel]
    public var columns: Int

    public init(title: String, xLabel: String, panels: [Panel], columns: Int = 2) {
        self.title = title
        self.xLabel = xLabel
        self.panels = panels
        self.columns = Swift.max(1, columns)
    }

    var rows: Int { (panels.count + columns - 1) / columns }

    public var defaultSize: FigureSize {
        FigureSize(width: Swift.min(10_000, 160 + 560 * Swift.min(columns, Swift.max(1, panels.count))),
                   height: Swift.min(10_000, 120 + 400 * Swift.max(1, rows)))
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = ""
        var ranges: [(low: Double, high: Double)] = []
        for (p, panel) in panels.enumerated() {
            let all = panel.curves.flatMap(\.reference).filter(\.isFinite)
            var (low, high) = (all.min() ?? -1, all.max() ?? 1)
            let pad = Swift.max(0.25 * (high - low), 0.05)
            (low, high) = (low - pad, high + pad)
            ranges.append((low, high))
            for (c, curve) in panel.curves.enumerated() {
                let submitted = (curve.submitted ?? Array(repeating: .nan, count: curve.x.count))
                    .map { $0.isNaN ? $0 : Swift.min(high, Swift.max(low, $0)) }
                script += Gnuplot.datablock("\(prefix)\(p)_\(c)", rows: curve.x.indices.map { [curve.x[$0], curve.reference[$0], submitted[$0]] })
            }
        }
        script += "set multiplot layout \(Swift.max(1, rows)),\(columns) title \(Gnuplot.quoted(TitleWrap.fitted(title, to: defaultSize))) \(Theme.textColor)\n"
        script += "set key below horizontal\nset xlabel \(Gnuplot.quoted(xLabel))\n"
        for (p, panel) in panels.enumerated() {
            script += "set title \(Gnuplot.quoted(panel.title))\nset yrange [\(ranges[p].low):\(ranges[p].high)]\n"
            var plots: [String] = []
            for (c, curve) in panel.curves.enumerated() {
                let color = Theme.color(2 * c)
                plots.append("$\(prefix)\(p)_\(c) using 1:2 with lines lw 2 lc rgb \"\(color)\" title \(Gnuplot.quoted(curve.name + " reference"))")
                if curve.submitted != nil {
                    plots.append("$\(prefix)\(p)_\(c) using 1:3 with points pt 7 ps 0.9 lc rgb \"\(Theme.color(2 * c + 1))\" title \(Gnuplot.quoted(curve.name + " submitted"))")
                }
            }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        return script + "unset multiplot\n"
    }
}
