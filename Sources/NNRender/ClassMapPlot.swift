/// Decision regions of 2-D classifiers: each panel colours a grid by the predicted class (a light
/// tint of the class colour, drawn `with image`) and overlays the data points in the full colour.
public struct ClassMapPlot: Figure {
    /// One classifier's map.
    public struct Panel {
        public var title: String
        /// Grid coordinates: `xs` [W] and `ys` [H], evenly spaced.
        public var xs: [Double]
        public var ys: [Double]
        /// The predicted class at `(xs[i], ys[j])`, stored at `j * W + i`.
        public var classes: [Int]
        /// The data: [(x, y, class)].
        public var points: [(x: Double, y: Double, label: Int)]
        public init(title: String, xs: [Double], ys: [Double], classes: [Int], points: [(x: Double, y: Double, label: Int)]) {
            precondition(classes.count == xs.count * ys.count, "class grid has \(classes.count) cells for \(xs.count)×\(ys.count)")
            self.title = title
            self.xs = xs
            self.ys = ys
            self.classes = classes
            self.points = points
        }
    }

    public var title: String
    public var classCount: Int
    public var panels: [Panel]

    public init(title: String, classCount: Int, panels: [Panel]) {
        self.title = title
        self.classCount = classCount
        self.panels = panels
    }

    public var defaultSize: FigureSize {
        FigureSize(width: Swift.min(10_000, 100 + 520 * panels.count), height: 600)
    }

    /// `#RRGGBB` mixed `fraction` of the way towards `toward` (white by default). The dark theme
    /// mixes the class regions towards its background instead: pale regions glared on a dark
    /// slide and the full-colour points on them lost their contrast.
    static func tint(_ hex: String, _ fraction: Double, toward: String = "#FFFFFF") -> String {
        func rgb(_ hex: String) -> [Double] {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map(Double.init)
        }
        let channels = zip(rgb(hex), rgb(toward)).map { c, t in Int((c + (t - c) * fraction).rounded()) }
        return "#" + channels.map { String($0, radix: 16).leftPadded(2) }.joined()
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = ""
        for (p, panel) in panels.enumerated() {
            var rows: [[Double]] = []
            rows.reserveCapacity(panel.classes.count)
            for (j, y) in panel.ys.enumerated() {
                for (i, x) in panel.xs.enumerated() { rows.append([x, y, Double(panel.classes[j * panel.xs.count + i])]) }
            }
            script += Gnuplot.datablock("\(prefix)\(p)_grid", rows: rows)
            script += Gnuplot.datablock("\(prefix)\(p)_points", rows: panel.points.map { [$0.x, $0.y, Double($0.label)] })
        }
        let light = (0..<classCount).map { "\($0) \"\(Self.tint(Theme.color($0), 0.72, toward: Theme.current.background))\"" }.joined(separator: ", ")
        script += "set palette defined (\(light))\nset palette maxcolors \(Swift.max(classCount, 2))\n"
        script += "set cbrange [0:\(Swift.max(classCount - 1, 1))]\nunset colorbox\nset size ratio -1\nunset grid\n"
        // The legend goes under the maps: inside, it covered the points it names.
        // gnuplot's automatic margin sets it against the tick labels: room for both.
        script += "set key outside center bottom horizontal\nset bmargin 5\n"
        script += "set multiplot layout 1,\(panels.count) title \(Gnuplot.quoted(TitleWrap.fitted(title, to: defaultSize))) \(Theme.textColor)\n"
        for (p, panel) in panels.enumerated() {
            script += "set title \(Gnuplot.quoted(panel.title))\n"
            script += "set xrange [\(panel.xs.first ?? 0):\(panel.xs.last ?? 1)]\nset yrange [\(panel.ys.first ?? 0):\(panel.ys.last ?? 1)]\n"
            // `with image` draws one bitmap; `pixels` drew a rectangle per cell, and cairo's
            // antialiased edges left white hairline seams between them.
            var plots = ["$\(prefix)\(p)_grid using 1:2:3 with image"]
            for c in 0..<classCount {
                plots.append("$\(prefix)\(p)_points using 1:($3 == \(c) ? $2 : NaN) with points pt 7 ps 0.55 lc rgb \"\(Theme.color(c))\" title \"class \(c)\"")
            }
            script += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        return script + "unset multiplot\nset bmargin\n"
    }
}

extension String {
    /// The string padded on the left with zeros to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
