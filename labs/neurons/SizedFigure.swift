import NNRender

/// A figure drawn at a size of the lab's choosing rather than its own default: the 2×5 grid of
/// activation panels and the one-panel step sweep fill a 16:9 slide at 1920×1080, where the theme's
/// font is 21 pt (`LinePlot`'s default for five columns, 3800 wide, only scales the font up).
struct SizedFigure: Figure {
    var figure: any Figure
    var size: FigureSize
    var defaultSize: FigureSize { size }
    func gnuplotCommands(prefix: String) -> String { figure.gnuplotCommands(prefix: prefix) }
}
