import NNEngine

/// Submitted values against reference values, one point per element, with the line `y = x`
/// on which a correct submission lies and the worst elements circled and labelled with their
/// index: how wrong, where, and whether it is a pattern (a factor tilts the cloud, a sign
/// mirrors it, a transpose scatters it).
public struct ComparisonScatter: Figure {
    /// One output's points.
    public struct Series {
        public var name: String
        public var reference: [Double]
        public var submitted: [Double]
        public init(name: String, reference: [Double], submitted: [Double]) {
            precondition(reference.count == submitted.count, "series '\(name)': \(reference.count) reference and \(submitted.count) submitted values")
            self.name = name
            self.reference = reference
            self.submitted = submitted
        }
    }

    /// A marked element: where it is drawn and its label, e.g. `dW[2,0]`.
    public struct Marker {
        public var reference: Double
        public var submitted: Double
        public var label: String
        public init(reference: Double, submitted: Double, label: String) {
            self.reference = reference
            self.submitted = submitted
            self.label = label
        }
    }

    public var title: String
    public var series: [Series]
    public var worst: [Marker]

    public init(title: String, series: [Series], worst: [Marker]) {
        self.title = title
        self.series = series
        self.worst = worst
    }

    public var defaultSize: FigureSize { FigureSize(width: 760, height: 640) }

    public func gnuplotCommands(prefix: String) -> String {
        var script = ""
        let all = series.flatMap { $0.reference + $0.submitted }.filter(\.isFinite)
        var (low, high) = (all.min() ?? -1, all.max() ?? 1)
        if high - low < 1e-12 { (low, high) = (low - 1, high + 1) }
        let pad = 0.05 * (high - low)
        (low, high) = (low - pad, high + pad)
        script += Gnuplot.datablock("\(prefix)line", rows: [[low, low], [high, high]])
        for (s, item) in series.enumerated() {
            script += Gnuplot.datablock("\(prefix)s\(s)", rows: zip(item.reference, item.submitted).map { [$0, $1] })
        }
        script += Gnuplot.datablock("\(prefix)worst", rows: worst.map { [$0.reference, $0.submitted] })
        script += "set title \(Gnuplot.quoted(title))\n"
        script += "set xlabel \"reference\"\nset ylabel \"submitted\"\nset size ratio -1\n"
        script += "set xrange [\(low):\(high)]\nset yrange [\(low):\(high)]\nset key outside right top vertical\n"
        for (i, marker) in worst.enumerated() {
            script += "set label \(i + 1) \(Gnuplot.quoted(" " + marker.label)) at \(marker.reference),\(marker.submitted) left front textcolor rgb \"\(Theme.current.alert)\"\n"
        }
        var plots = ["$\(prefix)line using 1:2 with lines lw 1.5 dt 2 lc rgb \"\(Theme.current.neutral)\" title \"y = x (correct)\""]
        for (s, item) in series.enumerated() {
            plots.append("$\(prefix)s\(s) using 1:2 with points pt 7 ps 1.0 lc rgb \"\(Theme.color(s))\" title \(Gnuplot.quoted(item.name))")
        }
        if !worst.isEmpty {
            plots.append("$\(prefix)worst using 1:2 with points pt 6 ps 2.6 lw 2 lc rgb \"\(Theme.current.alert)\" title \"worst elements\"")
        }
        return script + "plot " + plots.joined(separator: ", \\\n     ") + "\n"
    }
}
