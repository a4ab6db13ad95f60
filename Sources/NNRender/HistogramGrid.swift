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
    /// One y range for every panel (the tallest bar of any, a spike still cut), for panels that
    /// must be compared bar for bar (with and without a regularizer); by default each panel's
    /// axis follows its own bars, and a flat distribution looks as tall as a peaked one.
    public var sharedY: Bool
    /// One x range spanning every panel's bins (when `xRange` is not given), for panels binned
    /// over different ranges; by default the first panel's.
    public var sharedX: Bool

    public init(title: String, xLabel: String, panels: [Panel], columns: Int? = nil, logY: Bool = false,
                xRange: ClosedRange<Double>? = nil, sharedY: Bool = false, sharedX: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.panels = panels
        self.columns = columns
        self.logY = logY
        self.xRange = xRange
        self.sharedY = sharedY
        self.sharedX = sharedX
    }

    /// The x range of every panel: `xRange`, else every panel's bins (`sharedX`), else the first's.
    var panelXRange: ClosedRange<Double>? {
        if let xRange { return xRange }
        let edges = sharedX ? panels.flatMap { [$0.histogram.edges.first!, $0.histogram.edges.last!] }
                            : panels.first.map { [$0.histogram.edges.first!, $0.histogram.edges.last!] } ?? []
        guard let low = edges.min(), let high = edges.max() else { return nil }
        return low...high
    }

    /// The shared y axis (`sharedY`): from 0 to 5% above the tallest bar that is not cut as a
    /// spike; on a log axis from half the smallest non-zero fraction to 1. `nil` when not shared.
    var sharedYRange: ClosedRange<Double>? {
        guard sharedY, !panels.isEmpty else { return nil }
        if logY {
            let smallest = panels.flatMap(\.histogram.fractions).filter { $0 > 0 }.min() ?? 1e-3
            return (smallest / 2)...1
        }
        let tops = panels.map { Self.clip($0.histogram)?.top ?? ($0.histogram.fractions.max() ?? 0) }
        return 0...Swift.max(1e-12, 1.05 * (tops.max() ?? 1))
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
        guard !panels.isEmpty, let range = panelXRange else { return "" }
        var script = ""
        for (i, panel) in panels.enumerated() {
            let h = panel.histogram
            let width = h.edges[1] - h.edges[0]
            script += Gnuplot.datablock("\(prefix)\(i)", rows: zip(h.centers, h.fractions).map { [$0, $1, width] })
        }
        let (rows, columns) = layout
        let size = drawnSize
        script += "set multiplot layout \(rows),\(columns) title \(Gnuplot.quoted(TitleWrap.fitted(title, to: size))) \(Theme.textColor)\nunset key\n"
        script += "set xrange [\(range.lowerBound):\(range.upperBound)]\n"
        let shared = sharedYRange
        let yRange = shared.map { "set yrange [\($0.lowerBound):\($0.upperBound)]\n" } ?? (logY ? "set yrange [*:1]\n" : "set yrange [0:*]\n")
        script += (logY ? "set logscale y\n" : "") + yRange
        // Tick steps from the panel's pixels and the font (`HistogramGrid+Ticks`): gnuplot's own
        // drew about ten a panel whatever its height, and the labels touched.
        let intervals = Self.maxYIntervals(panelBox(at: size))
        let ticks = panels.map { yTicks($0, shared: shared, intervals: intervals) }
        let yLabelCharacters = logY ? 5 : ticks.map { Self.yLabelCharacters(top: $0.top, step: $0.step) }.max() ?? 6
        let box = panelBox(at: size, yLabelCharacters: yLabelCharacters)
        script += "set xtics \(Self.xStep(range: range, box: box))\n"
        // A shared linear axis leaves every panel a right margin for the cut bar's note.
        if shared != nil, !logY { script += "set rmargin 4\n" }
        script += "set xlabel \(Gnuplot.quoted(xLabel))\nset ylabel \"fraction\"\n"
        for (i, panel) in panels.enumerated() {
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            if i % columns != 0 { script += "unset ylabel\n" }
            script += "set ytics \(ticks[i].step)\n"
            let spike = ticks[i].spike
            if let spike {
                let h = panel.histogram
                let percent = String(format: "%.0f%%", 100 * h.fractions[spike.bin])
                let position = (h.centers[spike.bin] - range.lowerBound) / (range.upperBound - range.lowerBound)
                script += "set yrange [0:\(spike.top)]\n"
                if let note = Self.cutNote(percent: percent, position: position, box: box) {
                    script += "set label 1 \(Gnuplot.quoted(note.text)) at first \(h.centers[spike.bin]), graph 0.96 "
                        + (note.rightOfBar ? "left offset 1,0" : "right offset -1,0") + " \(Theme.textColor)\n"
                }
            }
            script += "plot $\(prefix)\(i) using 1:2:3 with boxes lc rgb \"\(Theme.color(0))\"\n"
            if spike != nil { script += "unset label 1\n" + yRange }
        }
        return script + "unset multiplot\nset xtics autofreq\nset ytics autofreq\n" + (shared != nil && !logY ? "set rmargin\n" : "")
    }

    /// A panel's y axis: the cut spike if any, the top of its axis (the spike's cut, the shared
    /// top, or its tallest bar), and the tick step for at most `intervals` intervals (on a log
    /// axis, the factor between ticks).
    func yTicks(_ panel: Panel, shared: ClosedRange<Double>?, intervals: Int) -> (spike: (top: Double, bin: Int)?, top: Double, step: Double) {
        let fractions = panel.histogram.fractions
        if logY {
            let bottom = shared?.lowerBound ?? (fractions.filter { $0 > 0 }.min() ?? 0.1)
            return (nil, 1, Self.logStep(bottom: bottom, intervals: intervals))
        }
        // A spike is cut at the top of the axis and its height written beside it. Under a shared
        // axis, a bar is cut when it rises above the axis's top.
        let spike: (top: Double, bin: Int)? = shared.map { shared in
            guard let peak = fractions.indices.max(by: { fractions[$0] < fractions[$1] }), fractions[peak] > shared.upperBound else { return nil }
            return (shared.upperBound, peak)
        } ?? Self.clip(panel.histogram)
        let top = spike?.top ?? shared?.upperBound ?? (fractions.max() ?? 1)
        return (spike, top, Self.yStep(top: top, intervals: intervals))
    }
}
