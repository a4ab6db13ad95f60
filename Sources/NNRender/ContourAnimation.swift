/// An animated GIF of a `ContourPlot` whose paths grow frame by frame, in the style of the
/// lectures' optimizer animations (Radford 2014), which had no published code.
///
/// Frame `k` of `F` shows each path up to step `⌈k·n/(F − 1)⌉` of the longest path's `n` steps,
/// so every path moves at the same pace in steps and a path that stopped early stays where it
/// ended. The level lines are traced once and replotted in every frame; the frame count is
/// bounded (`frameLimit`) so that the file stays small (a few hundred kB at 640×480).
///
/// It is always a GIF, whatever the lab's `--format`: `terminalOverride` sets gnuplot's
/// `gif animate` terminal, and `fileExtension` is the extension its URL must carry.
public struct ContourAnimation: Figure {
    public var plot: ContourPlot
    /// Frames in the animation, at most `frameLimit`.
    public var frames: Int
    /// Delay between frames, in hundredths of a second.
    public var delay: Int

    /// The file extension of an animation's URL.
    public static let fileExtension = "gif"
    /// The most frames an animation may have.
    public static let frameLimit = 120

    public init(plot: ContourPlot, frames: Int = 60, delay: Int = 8) {
        precondition((2...Self.frameLimit).contains(frames), "an animation needs 2...\(Self.frameLimit) frames, got \(frames)")
        precondition(delay >= 1, "frame delay must be ≥ 1 hundredth of a second, got \(delay)")
        precondition(plot.style == .levelLines, "an animation draws the level lines, not \(plot.style)")
        self.plot = plot
        self.frames = frames
        self.delay = delay
    }

    /// Each frame costs about a third of a still figure (GIF frames are small and unantialiased).
    public var renderingCost: Double { Double(frames) / 3 }

    public var defaultSize: FigureSize { FigureSize(width: 720, height: 800) }

    /// gnuplot's GIF terminal in animation mode, looping forever; `optimize` stores only what
    /// changed between frames, which keeps the file small.
    public func terminalOverride(size: FigureSize) -> String? {
        "set terminal gif animate delay \(delay) loop 0 optimize size \(size.width),\(size.height) noenhanced font \"Sans,\(size.fontSize)\" background rgb \"\(Theme.current.background)\""
    }

    /// The step each path has reached at frame `frame` (from 0): a proportional share of the
    /// longest path's steps, rounded up so that the last frame shows everything.
    public func stepShown(atFrame frame: Int) -> Int {
        let longest = plot.paths.map { $0.x.count - 1 }.max() ?? 0
        return (frame * longest + frames - 2) / (frames - 1)
    }

    public func gnuplotCommands(prefix: String) -> String {
        var script = plot.grid.traceCommands(into: "\(prefix)levels")
        script += plot.pathDatablocks(prefix: prefix)
        script += "set xlabel \"x\"\nset ylabel \"y\"\n"
        // The still map's title, broken to the frame's narrower width.
        let title = TitleWrap.fitted(plot.title, to: defaultSize)
        script += ContourPlot.keyPlacement(names: plot.keyNames, size: defaultSize, aspect: plot.aspect,
                                           titleLines: title.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        for frame in 0..<frames {
            let step = stepShown(atFrame: frame)
            script += "set title \(Gnuplot.quoted("\(title)\nstep \(step)"))\n"
            let upTo = Array(repeating: step, count: plot.paths.count)
            script += "plot " + plot.plotElements(prefix: prefix, upTo: upTo).joined(separator: ", \\\n     ") + "\n"
        }
        return script
    }
}
