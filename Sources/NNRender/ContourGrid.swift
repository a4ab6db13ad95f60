import Foundation
import NNEngine

/// A function of two variables sampled on a regular grid, with the contour levels to draw: the
/// background of a contour plot. The values are computed in Swift; gnuplot only traces the level
/// lines through them (once per figure, into a table that every frame of an animation reuses).
///
/// Levels are log-spaced when the values span more than `logRangeThreshold` decades above the
/// smallest positive value (Beale's function goes from 0 to ~1e5: linear levels would put every
/// line in the corners), and evenly spaced otherwise (the saddle, which is negative too).
public struct ContourGrid: Equatable, Sendable {
    /// The sampled rectangle.
    public var domain: PlotDomain
    /// Sample abscissae `[columns]`, from `domain.x.lowerBound` to `domain.x.upperBound`.
    public var xs: [Double]
    /// Sample ordinates `[rows]`.
    public var ys: [Double]
    /// `values[i][j] = f(xs[j], ys[i])`, shape `[rows][columns]`.
    public var values: [[Double]]
    /// The levels to draw, increasing.
    public var levels: [Double]
    /// Whether `levels` are log-spaced (then the colour scale is logarithmic too).
    public var logLevels: Bool

    /// Ratio max/min above which the levels are log-spaced: 100, two decades.
    public static let logRangeThreshold = 100.0

    /// Samples `f` on `resolution × resolution` points of `domain` and picks `levelCount` levels,
    /// log-spaced ones over at most `decades` decades below the largest value.
    public init(domain: PlotDomain, resolution: Int = 101, levelCount: Int = 24, decades: Double = 6, _ f: (Double, Double) -> Double) {
        precondition(resolution >= 2 && levelCount >= 1, "a grid needs ≥ 2 points per side and ≥ 1 level")
        func axis(_ range: ClosedRange<Double>) -> [Double] {
            (0..<resolution).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(resolution - 1) }
        }
        self.domain = domain
        xs = axis(domain.x)
        ys = axis(domain.y)
        let (xs, ys) = (self.xs, self.ys)
        values = ys.map { y in xs.map { x in f(x, y) } }
        (levels, logLevels) = Self.levels(of: values.flatMap { $0 }.filter(\.isFinite), count: levelCount, decades: decades)
    }

    /// Levels for `samples`: geometric from the smallest positive value (but at most `decades`
    /// decades below the largest, so that a minimum of exactly 0 does not ask for infinitely many)
    /// when every value is ≥ 0 and the range is wide; evenly spaced strictly inside [min, max]
    /// otherwise.
    static func levels(of samples: [Double], count: Int, decades: Double = 6) -> (levels: [Double], log: Bool) {
        guard let low = samples.min(), let high = samples.max(), high > low else { return ([samples.first ?? 0], false) }
        let smallestPositive = samples.filter { $0 > 0 }.min() ?? high
        let floor = Swift.max(smallestPositive, high * pow(10, -decades))
        if low >= 0, high / floor > logRangeThreshold {
            let (a, b) = (log10(floor), log10(high))
            // Stop one step short of the maximum: a level at the very corner value draws a dot.
            return ((0..<count).map { pow(10, a + (b - a) * Double($0) / Double(count)) }, true)
        }
        return ((1...count).map { low + (high - low) * Double($0) / Double(count + 1) }, false)
    }

    /// The grid as a datablock for `splot`: one `x y z` line per sample, a blank line after each
    /// row of constant `y` (gnuplot's grid format). Seven significant digits: the lines are
    /// traced to a fraction of a pixel, and the script stays small (gnuplot parses every byte).
    func datablock(_ name: String) -> String {
        var text = "$\(name) << EOD\n"
        for (i, y) in ys.enumerated() {
            let row = Self.compact(y)
            for (j, x) in xs.enumerated() {
                text += "\(Self.compact(x)) \(row) \(Self.compact(values[i][j]))\n"
            }
            text += "\n"
        }
        return text + "EOD\n"
    }

    /// The grid as a datablock of `log₁₀(1 + max(0, f))` (0 where f is not finite), for the
    /// filled bands: one `x y value` line per sample with full precision, column by column (a
    /// blank line after each `x`), as `with image` reads it.
    func logDatablock(_ name: String) -> String {
        var text = "$\(name) << EOD\n"
        for (j, x) in xs.enumerated() {
            for (i, y) in ys.enumerated() {
                let v = values[i][j]
                text += "\(x) \(y) \(v.isFinite ? log10(1 + Swift.max(0, v)) : 0)\n"
            }
            text += "\n"
        }
        return text + "EOD\n"
    }

    /// `value` with 7 significant digits, `NaN` if not finite: plenty for drawing, as the
    /// figure's JSON keeps full precision.
    static func compact(_ value: Double) -> String {
        value.isFinite ? String(format: "%.7g", value) : "NaN"
    }

    /// Commands that trace the level lines into the datablock `$<name>` (columns x, y, level; one
    /// block per line piece) and restore the 2-D plotting state. Plot it with `contourLines(name)`.
    func traceCommands(into name: String) -> String {
        datablock("\(name)_grid") + """
            set table $\(name)
            set contour base
            unset surface
            set view map
            set cntrparam linear
            set cntrparam levels discrete \(levels.map { String($0) }.joined(separator: ","))
            splot $\(name)_grid using 1:2:3 with lines
            unset table
            unset contour
            set surface
            set xrange [\(domain.x.lowerBound):\(domain.x.upperBound)]
            set yrange [\(domain.y.lowerBound):\(domain.y.upperBound)]
            set size ratio -1
            set palette defined \(Theme.current.levelLinePalette)
            unset colorbox
            set cbrange [\(logLevels ? log10(levels[0]) : levels[0]):\(logLevels ? log10(levels[levels.count - 1]) : levels[levels.count - 1])]

            """
    }

    /// The plot element drawing the traced level lines, coloured from light (low) to dark (high).
    func contourLines(_ name: String) -> String {
        "$\(name) using 1:2:(\(logLevels ? "log10($3)" : "$3")) with lines lw 1 lc palette notitle"
    }
}
