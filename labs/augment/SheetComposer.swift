import Foundation
import NNImage
import NNRender

/// Lays a contact sheet out as one RGB image: a title strip, then a grid of cells, each a
/// thumbnail fitted (aspect kept) into a `tileSide` square, set on the bottom of rows as tall as
/// the tallest thumbnail, above a caption strip. Returns the
/// pixels and where each caption goes; gnuplot draws the text.
enum SheetComposer {
    static let gap = 18
    static let titleHeight = 40
    /// Caption lines are ~18 px apart at the 11 pt caption font (cairo, 96 dpi).
    static let lineHeight = 18

    struct Layout {
        var image: Image
        var labels: [ImageSheetFigure.Label]
    }

    static func compose(_ sheet: ContactSheet) -> Layout {
        let columns = max(1, min(sheet.columns, sheet.tiles.count))
        let rows = (sheet.tiles.count + columns - 1) / columns
        let lines = sheet.tiles.map { $0.caption.split(separator: "\n").count }.max() ?? 1
        let captionHeight = lines * lineHeight + 8
        // Each thumbnail fitted into the square, and the rows only as tall as the tallest: a
        // square row under landscape photos left a quarter tile of white between the rows.
        let sizes = sheet.tiles.map { tile -> ImageSize in
            let scale = Double(sheet.tileSide) / Double(max(tile.image.width, tile.image.height))
            return ImageSize(width: max(1, Int((Double(tile.image.width) * scale).rounded())),
                             height: max(1, Int((Double(tile.image.height) * scale).rounded())))
        }
        let imageHeight = sizes.map(\.height).max() ?? sheet.tileSide
        let cellWidth = sheet.tileSide + gap, cellHeight = imageHeight + captionHeight + gap
        // Wide enough for the bold title (~11 px a character at 14 pt bold).
        let width = max(columns * cellWidth + gap, sheet.title.count * 11 + 40), height = titleHeight + gap / 2 + rows * cellHeight + gap / 2
        var canvas = Image(width: width, height: height, red: 1, green: 1, blue: 1)
        var labels = [ImageSheetFigure.Label(text: sheet.title, x: Double(width) / 2, y: Double(titleHeight) / 2, bold: true)]
        let left = (width - columns * cellWidth + gap) / 2
        for (index, tile) in sheet.tiles.enumerated() {
            let (row, column) = (index / columns, index % columns)
            let x0 = left + column * cellWidth, y0 = titleHeight + gap / 2 + row * cellHeight
            let size = sizes[index]
            let thumbnail = tile.image.resized(to: size, filter: tile.pixelated ? .nearest : .bicubic)
            // Centred across, at the bottom of its row: the caption sits right under the image
            // (centred vertically in a square, a landscape photo left a gap above its caption).
            let (ox, oy) = (x0 + (sheet.tileSide - size.width) / 2, y0 + imageHeight - size.height)
            for c in 0..<3 {
                for y in 0..<size.height {
                    for x in 0..<size.width { canvas[c, ox + x, oy + y] = thumbnail[c, x, y] }
                }
            }
            let captionLines = tile.caption.split(separator: "\n").count
            labels.append(.init(text: tile.caption, x: Double(x0) + Double(sheet.tileSide) / 2,
                                y: Double(y0 + imageHeight + 4) + Double(captionLines * lineHeight) / 2))
        }
        return Layout(image: canvas, labels: labels)
    }
}
