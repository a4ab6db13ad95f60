import NNEngine

/// A contour map of a 2-D function with optimizer paths drawn over it: the still version of the
/// lectures' optimizer animations (Radford 2014). Each path has its own colour and a legend entry
/// (its name with hyperparameters); the start is a black triangle, the minima are stars, and a
/// path that ended early (diverged, left the domain) ends in a cross.
///
/// The function comes sampled (`ContourGrid`): the figure only draws it, in one of two `Style`s.
public struct ContourPlot: Figure {
    /// How the function is drawn under the paths.
    public enum Style: Equatable, Sendable {
        /// The grid's level lines, traced by gnuplot and coloured light (low) to dark (high); the
        /// legend below the map (the optimizers lab and its animations).
        case levelLines
        /// `log₁₀(1 + f)` shaded in `count` discrete bands (filled contours), the paths as points
        /// joined by lines, the legend at the right (grading feedback; see `ContourPlot+FilledBands`).
        case filledBands(count: Int)
    }

    /// One path in the plane: `x[k], y[k]` after step `k`.
    public struct Path: Equatable, Sendable {
        /// The legend entry.
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Mark the last point with a cross: the run stopped there (diverged or left the domain).
        public var endedEarly: Bool
        public init(name: String, x: [Double], y: [Double], endedEarly: Bool = false) {
            precondition(x.count == y.count && !x.isEmpty, "path '\(name)' has \(x.count) x and \(y.count) y values")
            self.name = name
            self.x = x
            self.y = y
            self.endedEarly = endedEarly
        }
    }

    public var title: String
    /// The function's samples and levels.
    public var grid: ContourGrid
    public var paths: [Path]
    /// Where every path starts (one marker for all when they share it).
    public var starts: [Point2D]
    /// The known minima, starred; empty for a function without one (the saddle).
    public var minima: [Point2D]
    public var style: Style

    public init(title: String, grid: ContourGrid, paths: [Path], starts: [Point2D], minima: [Point2D], style: Style = .levelLines) {
        self.title = title
        self.grid = grid
        self.paths = paths
        self.starts = starts
        self.minima = minima
        self.style = style
    }

    public var defaultSize: FigureSize {
        switch style {
        case .levelLines: return FigureSize(width: 1920, height: 1080)
        case .filledBands: return FigureSize(width: 820, height: 680)
        }
    }

    public func gnuplotCommands(prefix: String) -> String {
        if case .filledBands(let count) = style { return filledBandsCommands(prefix: prefix, bands: count) }
        var script = grid.traceCommands(into: "\(prefix)levels")
        script += pathDatablocks(prefix: prefix)
        script += "set title \(Gnuplot.quoted(title))\n"
        script += "set xlabel \"x\"\nset ylabel \"y\"\n"
        script += Self.keyPlacement(names: keyNames, size: defaultSize, aspect: aspect,
                                    titleLines: title.split(separator: "\n", omittingEmptySubsequences: false).count)
        script += "plot " + plotElements(prefix: prefix, upTo: nil).joined(separator: ", \\\n     ") + "\n"
        return script
    }

    /// Where the legend goes, in the figure's font (the slide rule holds for the legend too).
    ///
    /// Right of the map, one entry a line, when that leaves the map (drawn at equal units on both
    /// axes) larger than a legend below: on a wide figure a legend below left the map small in
    /// the middle with empty margins either side. Otherwise below the
    /// map in two columns, the rows set (gnuplot, which measures by bytes, otherwise put one
    /// entry a row), with a blank line of margin between the x label and the box.
    ///
    /// gnuplot sizes the box by bytes, so entries with Greek letters (two bytes each in UTF-8)
    /// get a box too wide: `width` takes the difference back.
    static func keyPlacement(names: [String], size: FigureSize, aspect: Double, titleLines: Int) -> String {
        let extraBytes = names.map { $0.utf8.count - $0.count }.max() ?? 0
        if fitsKeyRight(names: names, size: size, aspect: aspect, titleLines: titleLines) {
            return "set key outside right center vertical width \(-extraBytes) height 1\n"
        }
        // At the foot of the figure, and the bottom margin set to hold the x tics, the x label,
        // a blank line and the box (rows at the key's 1.1 spacing, and its padding): placed by
        // gnuplot `below`, the box sat against the label, and on it when the map (equal units)
        // was narrower than the space for it.
        let rows = (names.count + 1) / 2
        return "set key at screen 0.5, screen 0.01 center bottom horizontal maxrows \(rows) width \(-extraBytes) height 1\n"
            + "set bmargin \(Int((1.1 * Double(rows)).rounded(.up)) + 5)\n"
    }

    /// Whether a legend of `names` right of a map of `aspect` (width over height, equal units)
    /// leaves the map larger than a legend below it would, with every entry on its own line in
    /// the height. One character is about 0.6 em (`TitleWrap`), a line 1.3 em; the legend adds its
    /// sample and padding (eight characters), the y axis and its label ten characters, the x tics
    /// and label three lines, the legend below its rows (two entries a row) and two lines.
    static func fitsKeyRight(names: [String], size: FigureSize, aspect: Double, titleLines: Int) -> Bool {
        let character = 0.6 * Double(size.fontSize) * 4 / 3, line = 1.3 * Double(size.fontSize) * 4 / 3
        let height = Double(size.height) - Double(titleLines + 3) * line
        let keyWidth = Double((names.map(\.count).max() ?? 0) + 8) * character
        guard Double(names.count + 1) * line <= height else { return false }
        let right = Swift.min(height, (Double(size.width) - keyWidth - 10 * character) / aspect)
        let below = Swift.min(height - Double((names.count + 1) / 2 + 2) * line, (Double(size.width) - 10 * character) / aspect)
        return right >= below
    }

    /// The map's width over its height (equal units on both axes).
    var aspect: Double {
        (grid.domain.x.upperBound - grid.domain.x.lowerBound) / (grid.domain.y.upperBound - grid.domain.y.lowerBound)
    }

    /// The legend's names: every path, the start and the minima.
    var keyNames: [String] { paths.map(\.name) + ["start"] + (minima.isEmpty ? [] : ["minimum"]) }

    /// Path `i`'s line width: the first paths are drawn widest and first, and each later one
    /// narrower on top, so a path that runs along another (momentum under Nesterov on the
    /// saddle, SGD on Himmelblau) shows as a coloured edge on both sides of it.
    static func lineWidth(_ i: Int) -> Double {
        Swift.max(1.6, 4.4 - 0.4 * Double(i))
    }

    /// The datablocks of the paths, the starts and the minima.
    func pathDatablocks(prefix: String) -> String {
        var script = ""
        for (i, path) in paths.enumerated() {
            script += "$\(prefix)path\(i) << EOD\n"
            for (x, y) in zip(path.x, path.y) { script += "\(ContourGrid.compact(x)) \(ContourGrid.compact(y))\n" }
            script += "EOD\n"
        }
        script += Gnuplot.datablock("\(prefix)starts", rows: starts.map { [$0.x, $0.y] })
        if !minima.isEmpty { script += Gnuplot.datablock("\(prefix)minima", rows: minima.map { [$0.x, $0.y] }) }
        return script
    }

    /// The plot elements: level lines, then each path (its first `upTo[i] + 1` points when given,
    /// for an animation frame) with a dot at its head, then the start and minima markers.
    func plotElements(prefix: String, upTo: [Int]?) -> [String] {
        var elements = [grid.contourLines("\(prefix)levels")]
        for (i, path) in paths.enumerated() {
            let color = Theme.color(i)
            let last = upTo.map { Swift.min($0[i], path.x.count - 1) } ?? (path.x.count - 1)
            let every = "every ::0::\(last)"
            // A marker about every tenth of the path as well as the dash: where two paths run
            // together both still show, and GIF frames (which draw no dashes) tell them apart.
            let markerEvery = Swift.max(1, path.x.count / 10)
            elements.append("$\(prefix)path\(i) \(every) using 1:2 with linespoints lw \(Self.lineWidth(i)) dt \(Theme.dash(i)) pt \(Theme.marker(i)) pi \(markerEvery) ps 1.3 lc rgb \"\(color)\" title \(Gnuplot.quoted(path.name))")
            let finished = last == path.x.count - 1
            let head = finished && path.endedEarly ? "pt 2 ps 2.2 lw 3" : "pt 7 ps 1.3"
            elements.append("$\(prefix)path\(i) every ::\(last)::\(last) using 1:2 with points \(head) lc rgb \"\(color)\" notitle")
        }
        elements.append("$\(prefix)starts using 1:2 with points pt 9 ps 2.2 lc rgb \"\(Theme.current.ink)\" title \"start\"")
        if !minima.isEmpty {
            elements.append("$\(prefix)minima using 1:2 with points pt 3 ps 2.6 lw 2 lc rgb \"\(Theme.current.ink)\" title \"minimum\"")
        }
        return elements
    }
}
