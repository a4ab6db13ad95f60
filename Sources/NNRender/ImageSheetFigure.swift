import Foundation

/// A raster image (a contact sheet composed elsewhere) drawn pixel for pixel, with text labels
/// placed in its pixel coordinates: gnuplot draws only the text, so captions are real, legible
/// type at any output size.
///
/// The pixels reach gnuplot as a file in its private folder (`inputFiles`), raw 8-bit interleaved
/// RGB with row 0 at the top
/// (`binary array=(W,H) format='%uchar%uchar%uchar' flipy with rgbimage`): a raw file rather than
/// a PNG, because compressing a sheet only for gnuplot to decompress it took most of a run. The
/// plot area fills the whole canvas, so at the default size one image pixel is one output pixel.
public struct ImageSheetFigure: Figure {
    /// A line or lines of text, centred at `(x, y)` in image pixels (origin top-left).
    public struct Label {
        public var text: String
        public var x: Double
        public var y: Double
        public var bold: Bool
        public init(text: String, x: Double, y: Double, bold: Bool = false) {
            self.text = text
            self.x = x
            self.y = y
            self.bold = bold
        }
    }

    /// Raw RGB bytes, `width · height · 3` of them, row 0 at the top.
    public var pixels: Data
    public var width: Int
    public var height: Int
    public var labels: [Label]
    /// Caption font size in points at the default size.
    public var fontSize: Int

    public init(pixels: Data, width: Int, height: Int, labels: [Label], fontSize: Int = 11) {
        precondition(pixels.count == width * height * 3, "\(pixels.count) bytes for \(width)x\(height) RGB pixels")
        self.pixels = pixels
        self.width = width
        self.height = height
        self.labels = labels
        self.fontSize = fontSize
    }

    public var defaultSize: FigureSize {
        FigureSize(width: min(max(width, FigureSize.sideLimits.lowerBound), FigureSize.sideLimits.upperBound),
                   height: min(max(height, FigureSize.sideLimits.lowerBound), FigureSize.sideLimits.upperBound))
    }

    /// The pixels' file name in gnuplot's working folder.
    static func pixelFile(prefix: String) -> String { "\(prefix)pixels.rgb" }

    public func inputFiles(prefix: String) -> [String: Data] { [Self.pixelFile(prefix: prefix): pixels] }

    public func gnuplotCommands(prefix: String) -> String {
        var script = """
            unset border
            unset tics
            unset grid
            unset key
            set lmargin at screen 0
            set rmargin at screen 1
            set bmargin at screen 0
            set tmargin at screen 1
            set xrange [-0.5:\(Double(width) - 0.5)]
            set yrange [-0.5:\(Double(height) - 0.5)]

            """
        for label in labels {
            // gnuplot's y axis points up; the image's rows count down from the top.
            let font = label.bold ? "Sans Bold,\(fontSize + 3)" : "Sans,\(fontSize)"
            script += "set label \(Gnuplot.quoted(label.text)) at \(label.x), \(Double(height - 1) - label.y) center front font \(Gnuplot.quoted(font)) textcolor rgb \"#222222\"\n"
        }
        script += "plot \(Gnuplot.quoted(Self.pixelFile(prefix: prefix))) binary array=(\(width),\(height)) format='%uchar%uchar%uchar' flipy with rgbimage\n"
        script += "unset label\n"
        return script
    }
}
