import NNRender

/// A figure drawn at another default size than its type's, optionally with its y axis fixed
/// first (`yAxis`: gnuplot `set yrange`/`set ytics` lines, which the wrapped figure leaves alone).
///
/// The band profile drawn while the reference is withheld is a handful of whole-number levels:
/// at 760 × 460 instead of `LinePlot`'s 1000 × 560 it reads the same, and a class of 300 spends
/// most of its grading time in gnuplot rasterizing these (cairo's cost grows with the pixels:
/// measured 30% less gnuplot time for a class of 300). Its y axis is the bands, labelled by their
/// ranges, whatever levels the data happens to reach.
struct ResizedFigure: Figure {
    let figure: any Figure
    let defaultSize: FigureSize
    var yAxis: String = ""

    func gnuplotCommands(prefix: String) -> String {
        guard !yAxis.isEmpty else { return figure.gnuplotCommands(prefix: prefix) }
        return yAxis + figure.gnuplotCommands(prefix: prefix) + "set autoscale y\nset ytics autofreq\n"
    }

    func terminalOverride(size: FigureSize) -> String? { figure.terminalOverride(size: size) }
    var renderingCost: Double { figure.renderingCost }
}
