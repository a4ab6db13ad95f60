import NNRender

/// A figure drawn at a size of the lab's choosing rather than its own default (a 2×5 grid of
/// activation panels is better at 3000×1300 than `LinePlot`'s 3800×1060).
struct SizedFigure: Figure {
    var figure: any Figure
    var size: FigureSize
    var defaultSize: FigureSize { size }
    func gnuplotCommands(prefix: String) -> String { figure.gnuplotCommands(prefix: prefix) }
}
