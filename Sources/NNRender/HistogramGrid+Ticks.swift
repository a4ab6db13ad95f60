import Foundation

/// Tick spacing for histogram grids, from the pixels a panel gets and the figure's font.
///
/// gnuplot picks tick steps from the axis range alone, about ten intervals whatever the panel's
/// height: in a 2×3 grid at the slide font the y labels 0, 0.005 … 0.03 touched, and on the x axis
/// "0.51.522.5" ran together. Here the step is the smallest round one (1, 2, 2.5 or 5 times a power
/// of ten) that keeps a tick label's height free between two y labels and two characters free
/// between two x labels, in the panel's estimated plot area.
extension HistogramGrid {
    /// A panel's plot area and the figure's text, in pixels.
    struct PanelBox: Equatable {
        /// The plot area's height and width (inside the axes).
        var height: Double
        var width: Double
        /// The height of a line of text (the font's em: points × 4/3 pixels in cairo).
        var textHeight: Double
        /// An average character's width, 0.6 em (`TitleWrap`'s estimate).
        var characterWidth: Double
        /// The panel's column right of the y axis: the plot area and its right margin, up to
        /// where the next column (or the image) begins; a cut bar's note must end there.
        var besideAxis: Double = 0
    }

    /// The size the grid is drawn at: the renderer's (`--size`), else its default.
    var drawnSize: FigureSize { FigureSize.current ?? defaultSize }

    /// The plot area of one panel at `size`, estimated from gnuplot's automatic margins: the
    /// figure's title lines and a line under them share the height with the rows; in each row the
    /// panel's title lines and a line, then the x tick labels, the x label (if any) and a line
    /// below. Widths: each column loses the y tick labels (`yLabelCharacters`), three characters of
    /// tics and padding, the rotated y label (a line), and on the right three characters (four
    /// under a shared axis, the cut bar's note). Every estimate errs toward a smaller area, so
    /// that the spacing rule holds in the drawn figure.
    func panelBox(at size: FigureSize, yLabelCharacters: Int = 6) -> PanelBox {
        let em = Double(size.fontSize) * 4 / 3
        let line = 1.3 * em
        let character = 0.6 * em
        let (rows, columns) = layout
        let titleLines = Double(TitleWrap.fitted(title, to: size).split(separator: "\n", omittingEmptySubsequences: false).count)
        let panelTitleLines = Double(panels.map { $0.title.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 1)
        let rowHeight = (Double(size.height) - (titleLines + 1) * line) / Double(rows)
        let height = rowHeight - (panelTitleLines + 1) * line - (xLabel.isEmpty ? 2 : 3) * line
        let right = (sharedY && !logY ? 4 : 3) * character
        let width = Double(size.width) / Double(columns) - Double(yLabelCharacters + 3) * character - line - right
        return PanelBox(height: Swift.max(1, height), width: Swift.max(1, width), textHeight: em, characterWidth: character,
                        besideAxis: Swift.max(0, width + right))
    }

    /// The most y intervals a panel of `box` holds with a free text height between two labels.
    static func maxYIntervals(_ box: PanelBox) -> Int {
        Swift.max(1, Int(box.height / (2 * box.textHeight)))
    }

    /// The round steps, smallest first, from the one just below `rough`.
    /// Below 1 each is a division by a whole power of ten, so that 2.5 × 10⁻³ is the double
    /// nearest 0.0025 and the script says `0.0025`.
    static func roundSteps(from rough: Double) -> [Double] {
        let exponent = log10(rough).rounded(.down)
        return [1.0, 2, 2.5, 5, 10, 20, 25, 50, 100].map { exponent >= 0 ? $0 * pow(10, exponent) : $0 / pow(10, -exponent) }
    }

    /// The y step on a linear axis from 0 to `top` for at most `intervals` intervals: the smallest
    /// round step with `top / step ≤ intervals`. An autoscaled axis is extended to the next tick,
    /// ⌈top/step⌉ ≤ intervals as well.
    static func yStep(top: Double, intervals: Int) -> Double {
        guard top > 0, top.isFinite else { return 1 }
        let rough = top / Double(Swift.max(1, intervals))
        return roundSteps(from: rough).first { top / $0 <= Double(intervals) * (1 + 1e-9) }!
    }

    /// A tick label as gnuplot's default format `% h` writes it: `%g`, with a space for the sign
    /// of a positive number.
    static func tickLabel(_ value: Double) -> String {
        String(format: "% g", abs(value) < 1e-12 ? 0 : value)
    }

    /// The x step for `range` across `box`: the smallest round step whose labels, at multiples of
    /// the step, are each at least their width plus two characters apart; in a panel too narrow
    /// for that with two labels, the step with two labels or more that leaves the widest gap
    /// between them (an axis with one label has no scale).
    static func xStep(range: ClosedRange<Double>, box: PanelBox) -> Double {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 1 }
        let candidates = roundSteps(from: span / 20).compactMap { step -> (step: Double, gap: Double)? in
            let first = (range.lowerBound / step).rounded(.up), last = (range.upperBound / step).rounded(.down)
            guard last > first else { return nil }
            let widest = stride(from: first, through: last, by: 1).map { tickLabel($0 * step).count }.max() ?? 1
            return (step, box.width * step / span - Double(widest) * box.characterWidth)
        }
        return candidates.first { $0.gap >= 2 * box.characterWidth }?.step
            ?? candidates.max { $0.gap < $1.gap }?.step ?? span
    }

    /// On a log axis, the factor between ticks: 10, or 10ᵏ when the decades from `bottom` to 1
    /// are more than the panel holds at one a label.
    static func logStep(bottom: Double, intervals: Int) -> Double {
        guard bottom > 0, bottom < 1 else { return 10 }
        let decades = (-log10(bottom)).rounded(.up)
        return pow(10, Swift.max(1, (decades / Double(Swift.max(1, intervals))).rounded(.up)))
    }

    /// The widest y tick label for steps of `step` from 0 to `top`, in characters.
    static func yLabelCharacters(top: Double, step: Double) -> Int {
        let count = Int((top / step).rounded(.down))
        return (0...Swift.max(0, Swift.min(count, 1000))).map { tickLabel(Double($0) * step).count }.max() ?? 1
    }
}
