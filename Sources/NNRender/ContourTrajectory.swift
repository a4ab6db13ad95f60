import Foundation
import NNEngine

/// Optimization paths over the level sets of a 2-D function: `log₁₀(1 + f)` as a map shaded in
/// 12 discrete bands (filled contours), the paths as connected points and the minima marked (the
/// 004 deck's optimizer animations on Beale's function, as a still).
///
/// Filled bands rather than gnuplot's contour lines: computing and stroking the lines costs as
/// much again as the whole figure, and a class of 300 draws 300 of these.
public struct ContourTrajectory: Figure {
    /// One named path of points `[x, y]`.
    public struct Path {
        public var name: String
        public var points: [[Double]]
        public init(name: String, points: [[Double]]) {
            self.name = name
            self.points = points
        }
    }

    public var title: String
    public var function: TestFunction
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var paths: [Path]
    /// Grid points per axis for the shading and contours.
    public var resolution: Int

    public init(title: String, function: TestFunction, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                paths: [Path], resolution: Int = 80) {
        self.title = title
        self.function = function
        self.xRange = xRange
        self.yRange = yRange
        self.paths = paths
        self.resolution = resolution
    }

    public var defaultSize: FigureSize { FigureSize(width: 820, height: 680) }

    /// `log₁₀(1 + f)` on the grid, blank lines between rows as gnuplot's grid format wants.
    func gridBlock(_ name: String) -> String {
        var text = "$\(name) << EOD\n"
        let n = resolution
        for i in 0..<n {
            let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(i) / Double(n - 1)
            for j in 0..<n {
                let y = yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double(j) / Double(n - 1)
                let v = function.value(x: x, y: y)
                text += "\(x) \(y) \(v.isFinite ? log10(1 + Swift.max(0, v)) : 0)\n"
            }
            text += "\n"
        }
        return text + "EOD\n"
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = gridBlock("\(prefix)grid")
        for (p, path) in paths.enumerated() { script += Gnuplot.datablock("\(prefix)p\(p)", rows: path.points) }
        script += Gnuplot.datablock("\(prefix)min", rows: function.minima.map { [$0.x, $0.y] })
        script += """
            set title \(Gnuplot.quoted(title))
            set xlabel "x"\nset ylabel "y"\nset size ratio -1
            set xrange [\(xRange.lowerBound):\(xRange.upperBound)]\nset yrange [\(yRange.lowerBound):\(yRange.upperBound)]
            set palette defined (0 "#F7FBFF", 1 "#C6DBEF", 2 "#6BAED6", 3 "#2171B5", 4 "#08306B")
            set palette maxcolors 12
            set cblabel "log10(1 + f)"\nset key outside right top vertical

            """
        var plots = ["$\(prefix)grid using 1:2:3 with image notitle"]
        for (p, path) in paths.enumerated() {
            let color = Theme.color(p == 0 ? 1 : 0)
            plots.append("$\(prefix)p\(p) using 1:2 with linespoints lw 2 pt 7 ps 0.8 lc rgb \"\(color)\" title \(Gnuplot.quoted(path.name))")
        }
        plots.append("$\(prefix)min using 1:2 with points pt 3 ps 2.5 lw 2 lc rgb \"#000000\" title \"minimum\"")
        return script + "plot " + plots.joined(separator: ", \\\n     ") + "\n"
    }
}
