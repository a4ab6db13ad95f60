import Foundation
import NNRender

/// Scatter panels in a grid, for points in the plane: each panel equal-scaled (one unit is as long
/// on both axes, so that a white cloud looks round and a rotation looks like one) unless it says
/// otherwise, with point clouds, curves and paths, and its legend under it.
struct ScatterGrid: Figure {
    enum Style {
        /// Unconnected dots of this size.
        case dots(Double)
        /// A line; `dashed` for a second line of one colour.
        case line(dashed: Bool)
        /// Points joined by a thin line (an optimization path).
        case path
    }

    struct Series {
        var name: String
        var x: [Double]
        var y: [Double]
        var style: Style
        var color: Int
        /// Drawn without a legend entry (level curves).
        var hidden = false
    }

    struct Panel {
        var title: String
        var xLabel: String
        var yLabel: String
        var series: [Series]
        /// One unit as long on both axes, over a square range around the data.
        var equalAxes = true
        var logX = false
        /// Whether the panel has a legend (under it); a grid of like panels says its colours once,
        /// in the figure's title, instead.
        var key = true
    }

    var title: String
    var panels: [Panel]
    var columns: Int
    /// At most this many tic intervals on an equal-scaled axis: 5 suits three panels a row, a
    /// row of five has room for about 3 labels of "-2.5" under each panel.
    var ticIntervals = 5

    var grid: (rows: Int, columns: Int) { ((panels.count + columns - 1) / columns, Swift.min(columns, panels.count)) }

    var defaultSize: FigureSize {
        FigureSize(width: Swift.min(10_000, 80 + 560 * grid.columns), height: Swift.min(10_000, 90 + 560 * grid.rows))
    }

    func gnuplotCommands(prefix: String) -> String {
        var script = ""
        for (p, panel) in panels.enumerated() {
            for (s, series) in panel.series.enumerated() {
                script += Gnuplot.datablock("\(prefix)\(p)_\(s)", rows: zip(series.x, series.y).map { [$0, $1] })
            }
        }
        script += "set multiplot layout \(grid.rows),\(grid.columns) title \(Gnuplot.quoted(Self.wrapped(title, to: defaultSize))) \(Theme.textColor)\n"
        script += "set key outside center bottom vertical maxrows 3\n"
        for (p, panel) in panels.enumerated() {
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            script += "set xlabel \(Gnuplot.quoted(panel.xLabel))\nset ylabel \(Gnuplot.quoted(panel.yLabel))\n"
            script += panel.logX ? "set logscale x\n" : "unset logscale x\n"
            // The legend under the panel takes the x label's place unless the margin makes room.
            script += panel.key ? "set key\nset bmargin 7\n" : "unset key\nset bmargin\n"
            if panel.equalAxes, let box = Self.squareBox(panel) {
                let step = Self.ticStep(box.x.upperBound - box.x.lowerBound, intervals: ticIntervals)
                script += "set size ratio -1\nset xrange [\(box.x.lowerBound):\(box.x.upperBound)]\nset yrange [\(box.y.lowerBound):\(box.y.upperBound)]\n"
                script += "set xtics \(step)\nset ytics \(step)\n"
            } else {
                script += "set size noratio\nset autoscale x\nset autoscale y\nset xtics autofreq\nset ytics autofreq\n"
            }
            let plots = panel.series.enumerated().map { s, series -> String in
                let how: String
                switch series.style {
                case .dots(let size): how = "points pt 7 ps \(size)"
                case .line(let dashed): how = "lines lw 2\(dashed ? " dt 2" : "")"
                case .path: how = "linespoints pt 7 ps 0.5 lw 1.2"
                }
                return "$\(prefix)\(p)_\(s) using 1:2 with \(how) lc rgb \"\(Theme.color(series.color))\" "
                    + (series.hidden ? "notitle" : "title \(Gnuplot.quoted(series.name))")
            }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        return script + "unset multiplot\nset size noratio\nunset logscale x\nset key\nset bmargin\nset xtics autofreq\nset ytics autofreq\n"
    }

    /// A round tic spacing (1, 2, 2.5 or 5 times a power of ten) giving at most 5 intervals over
    /// `width`: gnuplot's own choice ignores the label width and ran "-2-1.5-1-0.5" together in
    /// a panel of a grid.
    static func ticStep(_ width: Double, intervals: Int = 5) -> Double {
        let rough = Swift.max(width, 1e-12) / Double(intervals)
        let magnitude = pow(10, log10(rough).rounded(.down))
        return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!
    }

    /// `text` broken at spaces into lines that fit across a figure of `size`: gnuplot never
    /// wraps, and a long title ran off both edges. The font is the slide rule's (21 pt at a
    /// 1080p slide's scale, `FigureSize.slideScale`), a character ~0.6 em of 4/3 pixel a point.
    static func wrapped(_ text: String, to size: FigureSize) -> String {
        let points = (21 / size.slideScale).rounded(.up)
        let limit = Swift.max(20, Int(Double(size.width) / (0.6 * points * 4 / 3)))
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var lines: [String] = [], current = ""
            for word in line.split(separator: " ") {
                if current.isEmpty { current = String(word) } else if current.count + 1 + word.count > limit {
                    lines.append(current)
                    current = String(word)
                } else { current += " " + word }
            }
            return (lines + [current]).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A square box (equal x and y extents) around every finite point of the panel, 6% margin.
    static func squareBox(_ panel: Panel) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        let xs = panel.series.flatMap(\.x).filter(\.isFinite), ys = panel.series.flatMap(\.y).filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let half = Swift.max(x1 - x0, y1 - y0, 1e-9) * 0.53
        let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2)
        return ((cx - half)...(cx + half), (cy - half)...(cy + half))
    }
}
