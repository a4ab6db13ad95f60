import NNEngine
import NNFiles

/// Small RGB images side by side, every pixel drawn as a square block (nearest neighbour), so
/// that an image of a few pixels a side can be read pixel by pixel and two images compared
/// block by block.
///
/// Panels stand in columns, each column's panels top to bottom and the column centred
/// vertically (a lone input image beside columns of outputs). Every panel has the same pixel
/// scale, the largest image's extent with smaller images at its top, centred left to right, so
/// a crop is drawn the size of the piece of the image it is. Thin white lines separate the pixels, so runs of one
/// colour still count off. Each pixel is a filled square (`boxxyerror`, coloured from its row of
/// a datablock): nothing for a terminal to smooth, no files beside the figure, and unlike gnuplot's
/// `with rgbimage`, which needs at least 2×2 pixels to find their size, any image down to 1×1.
public struct ImagePanels: Figure {
    /// One image under its title.
    public struct Panel {
        /// Shown above the panel; `\n` starts a second line.
        public var title: String
        /// The pixels (an alpha channel is ignored), or `nil` for a panel with only its title,
        /// e.g. for an image that could not be shown.
        public var image: PNGImage?
        /// A window outlined on the image.
        public var outline: PixelRect?

        public init(title: String, image: PNGImage?, outline: PixelRect? = nil) {
            self.title = title
            self.image = image
            self.outline = outline
        }
    }

    public var title: String
    /// The panels column by column, each column listed top to bottom.
    public var columns: [[Panel]]

    public init(title: String, columns: [[Panel]]) {
        self.title = title
        self.columns = columns
    }

    /// The extent every panel is drawn at, in image pixels: the largest width and height.
    var extent: (width: Int, height: Int) {
        let images = columns.joined().compactMap(\.image)
        return (Swift.max(1, images.map(\.width).max() ?? 1), Swift.max(1, images.map(\.height).max() ?? 1))
    }

    var rows: Int { Swift.max(1, columns.map(\.count).max() ?? 1) }

    /// The layout at the default size, in output pixels.
    struct Layout {
        /// One image pixel's side.
        var block: Int
        var cellWidth: Int
        var cellHeight: Int
        var width: Int
        var height: Int
        /// The band for the figure's title, and each panel's title band.
        var header: Int
        var titleBand: Int
        /// The figure's and the panels' titles, broken into lines that fit.
        var title: String
        var panelTitles: [[String]]
        /// Around the grid, and between cells.
        static let margin = 24, gap = 16
        /// One line of text: the slide rule's font for a figure that fits a 1080p slide unscaled
        /// (21 pt, 28 pixels) with its leading. A smaller figure gets a smaller font, so this is
        /// room enough.
        static let line = 36
        /// Characters of that font across `pixels` (0.6 em each).
        static func characters(across pixels: Int) -> Int { Swift.max(8, pixels * 10 / (6 * 28)) }
    }

    /// The white lines between pixels: the grid at the tics, which sit on the pixels' edges.
    static let pixelLines = "set grid front xtics ytics lt 1 dt solid lw 1 lc rgb \"white\""

    var layout: Layout {
        let (w, h) = extent
        // About 480 output pixels for the longer side: a 6×7 image gets blocks of ~60 pixels,
        // large beside slide-sized text.
        let block = Swift.max(4, Swift.min(60, 480 / Swift.max(w, h)))
        let cellWidth = w * block + 2 * Layout.gap
        let panelTitles = columns.map { $0.map { TitleWrap.wrapped($0.title, limit: Layout.characters(across: cellWidth)) } }
        let titleLines = panelTitles.joined().map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 1
        let titleBand = titleLines * Layout.line + 12
        let cellHeight = h * block + titleBand + Layout.gap
        let width = 2 * Layout.margin + Swift.max(1, columns.count) * cellWidth
        let title = TitleWrap.wrapped(self.title, limit: Layout.characters(across: width - 2 * Layout.margin))
        let header = title.split(separator: "\n", omittingEmptySubsequences: false).count * Layout.line + Layout.margin
        let height = header + rows * cellHeight + Layout.margin
        return Layout(block: block, cellWidth: cellWidth, cellHeight: cellHeight, width: width, height: height, header: header,
                      titleBand: titleBand, title: title, panelTitles: panelTitles)
    }

    public var defaultSize: FigureSize {
        let l = layout
        let limits = FigureSize.sideLimits
        return FigureSize(width: Swift.min(Swift.max(l.width, limits.lowerBound), limits.upperBound),
                          height: Swift.min(Swift.max(l.height, limits.lowerBound), limits.upperBound))
    }

    public func gnuplotCommands(prefix: String) -> String {
        let l = layout
        let (extentWidth, extentHeight) = extent
        var script = ""
        for (c, column) in columns.enumerated() {
            for (r, panel) in column.enumerated() {
                guard let image = panel.image else { continue }
                var rows: [[Double]] = []
                rows.reserveCapacity(image.width * image.height)
                for y in 0..<image.height {
                    for x in 0..<image.width {
                        let i = (y * image.width + x) * image.channels
                        rows.append([Double(x), Double(y)] + (0..<3).map { Double(image.pixels[i + $0]) })
                    }
                }
                script += Gnuplot.datablock("\(prefix)\(c)_\(r)", rows: rows)
            }
        }
        script += """
            unset key
            unset border
            set tics scale 0
            set format x ""
            set format y ""
            \(Self.pixelLines)
            set size ratio -1
            set multiplot title \(Gnuplot.quoted(l.title)) \(Theme.textColor)

            """
        // Positions are fractions of the default layout, so another --size scales them all.
        func screenX(_ pixels: Double) -> Double { pixels / Double(l.width) }
        func screenY(_ pixels: Double) -> Double { 1 - pixels / Double(l.height) }
        for (c, column) in columns.enumerated() {
            let offset = Double(rows - column.count) / 2
            for (r, panel) in column.enumerated() {
                let left = Double(Layout.margin + c * l.cellWidth + Layout.gap)
                let top = Double(l.header) + (offset + Double(r)) * Double(l.cellHeight) + Double(l.titleBand)
                let (right, bottom) = (left + Double(extentWidth * l.block), top + Double(extentHeight * l.block))
                script += "set title \(Gnuplot.quoted(l.panelTitles[c][r]))\n"
                script += "set lmargin at screen \(screenX(left))\nset rmargin at screen \(screenX(right))\n"
                script += "set tmargin at screen \(screenY(top))\nset bmargin at screen \(screenY(bottom))\n"
                // A smaller image is centred left to right and put at the top, under its title.
                // Image pixel (x, y) is drawn on the square centred at (x, y).
                let (width, height) = (panel.image?.width ?? extentWidth, panel.image?.height ?? extentHeight)
                let x0 = -0.5 - Double(extentWidth - width) / 2, y0 = -0.5
                // Rows count down from the top: the y axis is reversed.
                script += "set xrange [\(x0):\(x0 + Double(extentWidth))]\nset yrange [\(y0 + Double(extentHeight)):\(y0)]\n"
                script += "set xtics -0.5,1,\(Double(width) - 0.5)\nset ytics -0.5,1,\(Double(height) - 0.5)\n"
                guard panel.image != nil else {
                    // An empty slot: a dashed frame, so the missing image reads as missing.
                    script += "set object 1 rect from graph 0,0 to graph 1,1 front fs empty border lc rgb \"#BBBBBB\" dt 2 lw 1\n"
                    script += "unset grid\nplot NaN notitle\nunset object 1\n\(Self.pixelLines)\n"
                    continue
                }
                script += "set object 1 rect from -0.5,-0.5 to \(Double(width) - 0.5),\(Double(height) - 0.5) front fs empty border lc rgb \"#666666\" lw 1\n"
                if let window = panel.outline {
                    // Dark inside light: visible on any pixel colour.
                    let from = "\(Double(window.x) - 0.5),\(Double(window.y) - 0.5)"
                    let to = "\(Double(window.x + window.width) - 0.5),\(Double(window.y + window.height) - 0.5)"
                    script += "set object 2 rect from \(from) to \(to) front fs empty border lc rgb \"white\" lw 5\n"
                    script += "set object 3 rect from \(from) to \(to) front fs empty border lc rgb \"#111111\" lw 2.5\n"
                }
                script += "plot $\(prefix)\(c)_\(r) using 1:2:(0.5):(0.5):((($3 * 256) + $4) * 256 + $5) with boxxyerror fs solid 1 noborder lc rgb variable\n"
                script += "unset object 1\nunset object 2\nunset object 3\n"
            }
        }
        return script + "unset multiplot\n"
    }
}
