/// A figure drawn at a size of the lab's choosing rather than its type's default: a row of
/// panels filling a 16:9 slide's width, e.g. at 1920×720, where the theme's font is 21 pt.
/// `babysit`'s five loss-curve (and accuracy-curve) panels: `LinePlot`'s default for five
/// columns, 3800×1710, made each panel a tall narrow strip. `regularize`'s five weight
/// histograms: `HistogramGrid`'s default 2×3 grid left the sixth slot empty.
/// `--size` still overrides it.
public struct SlideStrip: Figure {
    public var figure: any Figure
    public var size: FigureSize
    public init(figure: any Figure, size: FigureSize) {
        self.figure = figure
        self.size = size
    }
    public var defaultSize: FigureSize { size }
    public func gnuplotCommands(prefix: String) -> String { figure.gnuplotCommands(prefix: prefix) }
}
