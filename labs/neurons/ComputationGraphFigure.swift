import Foundation
import NNRender

/// The worked example's computational graph: one circle per node with its forward value (black)
/// and its delta ∂L/∂(node) (red), one arrow per edge labelled with the weight and ∂L/∂w.
struct ComputationGraphFigure: Figure {
    struct Node { var x: Double; var y: Double; var name: String; var value: Double; var delta: Double }
    struct Edge { var from: Int; var to: Int; var label: String; var at: Double }

    var title: String
    var nodes: [Node]
    var edges: [Edge]
    var footer: String

    /// A 16:9 slide: the text is the theme's slide font (21 pt at this size; the node names 25), never a smaller one of its
    /// own, and the edge labels are two short lines that fit between the circles.
    var defaultSize: FigureSize { FigureSize(width: 1920, height: 1080) }

    static func format(_ v: Double) -> String { String(format: abs(v) >= 1e-3 || v == 0 ? "%.5f" : "%.3e", v) }

    func gnuplotCommands(prefix: String) -> String {
        var s = "unset border\nunset tics\nunset grid\nunset key\nset xrange [-1.1:11]\nset yrange [-3.2:2.4]\n"
        s += "set style textbox opaque fc rgb \"#FFFFFF\" noborder\n"
        s += "set title \(Gnuplot.quoted(title))\n"
        let r = 0.62
        var object = 1
        for n in nodes {
            s += "set object \(object) circle at \(n.x),\(n.y) size \(r) fc rgb \"#EEF4FA\" fs solid 1 border lc rgb \"#0072B2\" lw 2 front\n"
            object += 1
            s += "set label \(Gnuplot.quoted(n.name)) at \(n.x),\(n.y + 0.25) center front font \",25\"\n"
            s += "set label \(Gnuplot.quoted(Self.format(n.value))) at \(n.x),\(n.y - 0.02) center front\n"
            s += "set label \(Gnuplot.quoted("δ " + Self.format(n.delta))) at \(n.x),\(n.y - 0.27) center front tc rgb \"#C03000\"\n"
        }
        for e in edges {
            let (a, b) = (nodes[e.from], nodes[e.to])
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            let length = (dx * dx + dy * dy).squareRoot()
            let (ux, uy) = (dx / length, dy / length)
            s += "set arrow from \(a.x + r * ux),\(a.y + r * uy) to \(b.x - r * ux),\(b.y - r * uy) head filled size screen 0.012,20 lw 1.5 lc rgb \"\(Theme.current.neutral)\" back\n"
            let (lx, ly) = (a.x + e.at * dx, a.y + e.at * dy)
            s += "set label \(Gnuplot.quoted(e.label)) at \(lx),\(ly + 0.12) center front tc rgb \"#333333\" boxed\n"
        }
        s += "set label \(Gnuplot.quoted(footer)) at -0.9,-2.6 left front \(Theme.textColor)\n"
        s += "plot NaN notitle\n"
        return s
    }
}
