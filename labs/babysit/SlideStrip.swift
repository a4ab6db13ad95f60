import NNRender

/// A figure drawn at a size of the lab's choosing rather than its type's default: the five
/// loss-curve (and accuracy-curve) panels in one row fill a 16:9 slide's width at 1920×720, where the theme's font is
/// 21 pt (`LinePlot`'s default for five columns, 3800×1710, made each panel a tall narrow strip).
/// `--size` still overrides it.
struct SlideStrip: Figure {
    var figure: any Figure
    var size: FigureSize
    var defaultSize: FigureSize { size }
    func gnuplotCommands(prefix: String) -> String { figure.gnuplotCommands(prefix: prefix) }
}
