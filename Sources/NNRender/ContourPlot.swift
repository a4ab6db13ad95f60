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
        script += Self.keyPlacement(widthAdjustment: -12, size: defaultSize, entries: keyEntries)
        script += "plot " + plotElements(prefix: prefix, upTo: nil).joined(separator: ", \\\n     ") + "\n"
        return script
    }

    /// The legend goes below the map in two columns, in the figure's font (the slide rule holds
    /// for the legend too): the entries carry every hyperparameter and the outcome, too long to
    /// sit beside the map without shrinking it, and one per line took a third of the image. gnuplot sizes the box by bytes, so entries with Greek letters (two
    /// bytes each in UTF-8) get a box 12 characters too wide unless `widthAdjustment` takes them
    /// back. The box has room above its entries and the x label moves up: gnuplot set the box against the label.
    /// gnuplot put one entry a row whenever it judged two too wide (it measures by bytes), so
    /// the rows are set: half the entries, rounded up.
    static func keyPlacement(widthAdjustment: Int, size: FigureSize, entries: Int) -> String {
        "set key outside below center horizontal maxrows \((entries + 1) / 2) width \(widthAdjustment) height 1.5\n"
            + "set xlabel offset 0,0.5\n"
    }

    /// The legend's entries: every path, the start and the minima.
    var keyEntries: Int { paths.count + 1 + (minima.isEmpty ? 0 : 1) }

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
