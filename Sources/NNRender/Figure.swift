import Foundation
import NNEngine
import NNFiles

/// A figure that knows how to draw itself with gnuplot commands.
public protocol Figure {
    /// The size used when the user gives none.
    var defaultSize: FigureSize { get }
    /// gnuplot commands that define this figure's data as datablocks named with `prefix` and draw
    /// it into the current output. They run after `Theme.preamble` and a `set output`, and are
    /// written with the renderer's theme as `Theme.current`.
    func gnuplotCommands(prefix: String) -> String
    /// The `set terminal` line this figure needs whatever the renderer's format (an animated GIF
    /// is always a GIF), or `nil` to use the renderer's `FigureFormat`.
    func terminalOverride(size: FigureSize) -> String?
    /// The relative time gnuplot takes to draw it, in still figures (1 by default; an animation
    /// costs about a third of a figure per frame), to share figures among processes evenly.
    var renderingCost: Double { get }
    /// Files gnuplot reads while drawing (raw pixels), by the name the commands use for them:
    /// names made from `prefix`, relative to gnuplot's private working folder, where the renderer
    /// writes them first. None by default.
    func inputFiles(prefix: String) -> [String: Data]
}

extension Figure {
    /// Every figure uses the renderer's format unless it says otherwise.
    public func terminalOverride(size: FigureSize) -> String? { nil }
    public var renderingCost: Double { 1 }
    public func inputFiles(prefix: String) -> [String: Data] { [:] }
}

/// Renders figures to files in one gnuplot process (starting gnuplot costs ~80 ms, so one process
/// per figure would dominate a lab's run time).
///
/// gnuplot draws into a private folder the renderer makes beside the destinations, under names the
/// renderer makes (`figure-0.png`, …), so that no path a user chose reaches gnuplot; each file is
/// checked to be complete (`FigureIntegrity`) and only then renamed to its destination. A failure
/// leaves no partial figure behind.
public struct FigureRenderer {
    public var format: FigureFormat
    /// Overrides every figure's `defaultSize` when set.
    public var size: FigureSize?
    /// The look every figure is drawn in (`Theme.current` while its script is written).
    public var theme: Theme

    public init(format: FigureFormat = .png, size: FigureSize? = nil, theme: Theme = .light) {
        self.format = format
        self.size = size
        self.theme = theme
    }

    /// The destination of a figure called `name` (without extension) in `folder`.
    public func url(for name: String, in folder: URL) -> URL {
        folder.appendingPathComponent("\(name).\(format.fileExtension)")
    }

    /// Draws each figure to its URL. URLs must already carry this renderer's extension, or the
    /// extension of the figure's own terminal (`terminalOverride`).
    public func render(_ jobs: [(figure: any Figure, url: URL)]) throws {
        try render(jobs, processes: 1)
    }
}
