import Foundation
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
    /// Panels per row; by default at most three, so that six layers make two rows whose text is
    /// still legible on a slide (six in one 440-pixel-high strip left ~9-point text).
    public var columns: Int?
    /// Draw the y axis on a log scale, for distributions with a huge spike (ReLU's zeros).
    public var logY: Bool
    /// The x range of every panel; by default the first panel's bin range. Several figures that
    /// share one (every init scheme's gradients) can be compared by eye.
    public var xRange: ClosedRange<Double>?

    public init(title: String, xLabel: String, panels: [Panel], columns: Int? = nil, logY: Bool = false,
                xRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.panels = panels
        self.columns = columns
        self.logY = logY
        self.xRange = xRange
    }

    var layout: (rows: Int, columns: Int) {
        let columns = Swift.max(1, Swift.min(self.columns ?? 3, panels.count))
        return ((panels.count + columns - 1) / columns, columns)
    }

    public var defaultSize: FigureSize {
        let (rows, columns) = layout
        return FigureSize(width: Swift.min(10_000, 120 + 460 * columns), height: Swift.min(10_000, 120 + 420 * rows))
    }

    /// How far the tallest bar may outgrow the second tallest before the y axis is cut: a spike
    /// (ReLU's exact zeros, 40–50% of all values) would otherwise flatten every other bar.
    static let spikeRatio = 2.0

    /// The y-axis top that cuts a spike, and the spike's bin, or `nil` when no bar is a spike.
    static func clip(_ histogram: Histogram) -> (top: Double, bin: Int)? {
        let fractions = histogram.fractions
        guard fractions.count > 1, let peak = fractions.indices.max(by: { fractions[$0] < fractions[$1] }) else { return nil }
        let second = fractions.enumerated().filter { $0.offset != peak }.map(\.element).max() ?? 0
        guard second > 0, fractions[peak] > spikeRatio * second else { return nil }
        return (1.5 * second, peak)
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
        let range = xRange ?? first.histogram.edges.first!...first.histogram.edges.last!
        script += "set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted(TitleWrap.fitted(title, to: defaultSize))) \(Theme.textColor)\nunset key\n"
        script += "set xrange [\(range.lowerBound):\(range.upperBound)]\n"
        script += logY ? "set logscale y\nset yrange [*:1]\n" : "set yrange [0:*]\n"
        script += "set xlabel \(Gnuplot.quoted(xLabel))\nset ylabel \"fraction\"\n"
        for (i, panel) in panels.enumerated() {
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            if i % columns != 0 { script += "unset ylabel\n" }
            // A spike is cut at the top of the axis and its height written beside it.
            let spike = logY ? nil : Self.clip(panel.histogram)
            if let spike {
                let h = panel.histogram
                let percent = String(format: "%.0f%%", 100 * h.fractions[spike.bin])
                script += "set yrange [0:\(spike.top)]\n"
                script += "set label 1 \(Gnuplot.quoted("← bar cut: \(percent)")) at first \(h.centers[spike.bin]), graph 0.96 left offset 1,0 \(Theme.textColor)\n"
            }
            script += "plot $\(prefix)\(i) using 1:2:3 with boxes lc rgb \"\(Theme.color(0))\"\n"
            if spike != nil { script += "unset label 1\nset yrange [0:*]\n" }
        }
        return script + "unset multiplot\n"
    }
}
