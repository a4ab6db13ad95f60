import Foundation
import NNRender

/// Error surfaces side by side: each a heat map of the loss over two weights with level lines,
/// the grid minimum as a star, and the points where the surface is not convex as white dots (every
/// third grid point in each direction, so that the heat map stays readable under them).
struct SurfaceFigure: Figure {
    struct Panel {
        var title: String
        var axis: [Double]
        /// values[j][i] at (axis[i], axis[j]).
        var values: [[Double]]
        var minimum: [Double]
        var marked: [[Double]]
    }

    var title: String
    var panels: [Panel]
    var xLabel: String
    var yLabel: String

    var defaultSize: FigureSize { FigureSize(width: 720 * panels.count + 100, height: 760) }

    func gnuplotCommands(prefix: String) -> String {
        var s = ""
        for (p, panel) in panels.enumerated() {
            var text = "$\(prefix)\(p)_grid << EOD\n"
            for (j, y) in panel.axis.enumerated() {
                for (i, x) in panel.axis.enumerated() { text += "\(x) \(y) \(panel.values[j][i])\n" }
                text += "\n"
            }
            s += text + "EOD\n"
            let step = panel.axis.count > 2 ? 3 * (panel.axis[1] - panel.axis[0]) : 1
            let thinned = panel.marked.filter { point in
                point.allSatisfy { ((($0 - panel.axis[0]) / step).rounded() * step - ($0 - panel.axis[0])).magnitude < step * 1e-6 }
            }
            s += Gnuplot.datablock("\(prefix)\(p)_marked", rows: thinned.map { [$0[0], $0[1], 0] })
            s += Gnuplot.datablock("\(prefix)\(p)_min", rows: [[panel.minimum[0], panel.minimum[1], 0]])
        }
        s += "set multiplot layout 1,\(panels.count) title \(Gnuplot.quoted(title))\n"
        s += "set view map\nset size ratio -1\nunset grid\nset palette rgbformulae 33,13,10\nset contour base\nset cntrparam levels 14\nunset clabel\n"
        s += "unset key\nset tmargin 4\n"
        s += "set xlabel \(Gnuplot.quoted(xLabel))\nset ylabel \(Gnuplot.quoted(yLabel))\n"
        for (p, panel) in panels.enumerated() {
            let (low, high) = (panel.axis.first!, panel.axis.last!)
            s += "set xrange [\(low):\(high)]\nset yrange [\(low):\(high)]\n"
            // The map view puts the title lower than a 2-D plot does: two lines up clears the plot.
            s += "set title \(Gnuplot.quoted(panel.title)) offset 0,2\n"
            var plots = ["$\(prefix)\(p)_grid using 1:2:3 with pm3d notitle nocontour",
                         "$\(prefix)\(p)_grid using 1:2:3 nosurface with lines lc rgb \"#222222\" notitle"]
            if !panel.marked.isEmpty {
                plots.append("$\(prefix)\(p)_marked using 1:2:3 nocontour with points pt 7 ps 0.4 lc rgb \"#FFFFFF\" notitle")
            }
            plots.append("$\(prefix)\(p)_min using 1:2:3 nocontour with points pt 3 ps 3 lw 3 lc rgb \"#000000\" notitle")
            s += "splot " + plots.joined(separator: ", \\\n      ") + "\n"
        }
        return s + "unset multiplot\nset tmargin\nunset contour\nset view 60,30\nset size noratio\n"
    }
}
