import Foundation

/// The note beside a cut bar ("← bar cut: 52%"), fitted to its panel.
///
/// Written right of the bar at any size, the full note ran past the right edge of the last
/// column at a small `--size` (800×600: four columns of 200 pixels) and over the next panel's
/// tick labels elsewhere. The note takes the first form that fits, measured with the tick
/// labels' estimate (`PanelBox.characterWidth` a character, a character of offset from the bar):
/// the full note right of the bar, then left of it, then "← cut 52%" right or "cut 52% →" left,
/// then "52%" alone. A panel too narrow for even that gets no note; its bar still ends at the top
/// of the axis, and the figure's JSON has its height.
extension HistogramGrid {
    /// A cut bar's note: its text and its side of the bar.
    struct CutNote: Equatable {
        var text: String
        /// Right of the bar, starting a character after it; else left of it, ending a character before.
        var rightOfBar: Bool
    }

    /// The note for a bar whose full height is `percent` ("52%"), at `position` (0 at the x axis's
    /// left end, 1 at its right end) in a panel of `box`, or `nil` when no form fits.
    ///
    /// Room right of the bar: its share of the column beside the y axis, (1 − position) ×
    /// `besideAxis` (gnuplot's real left margin is no wider than the estimate's, so the bar is no
    /// further right than that). Room left of it: its share of the plot area, position × `width`,
    /// so that the note stays clear of the y tick labels.
    static func cutNote(percent: String, position: Double, box: PanelBox) -> CutNote? {
        let right = (1 - position) * box.besideAxis, left = position * box.width
        let forms: [CutNote] = [
            CutNote(text: "← bar cut: \(percent)", rightOfBar: true), CutNote(text: "bar cut: \(percent) →", rightOfBar: false),
            CutNote(text: "← cut \(percent)", rightOfBar: true), CutNote(text: "cut \(percent) →", rightOfBar: false),
            CutNote(text: percent, rightOfBar: true), CutNote(text: percent, rightOfBar: false),
        ]
        return forms.first { note in
            Double(note.text.count + 1) * box.characterWidth <= (note.rightOfBar ? right : left)
        }
    }
}
