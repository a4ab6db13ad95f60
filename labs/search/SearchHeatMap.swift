import Foundation
import NNRender

/// Figure 3: the coarse-to-fine map. Validation accuracy interpolated from the trials
/// (`InterpolatedMap`) as a heat map over log learning rate × log weight decay, with the coarse
/// trials, the fine trials, the coarse range and the fine region drawn on it. Axes are in
/// log₁₀ coordinates (gnuplot's `with image` needs an evenly spaced grid), ticked at powers of ten.
struct SearchHeatMap: Figure {
    var study: CoarseToFine
    var title: String

    var defaultSize: FigureSize { FigureSize(width: 1100, height: 1000) }

    func gnuplotCommands(prefix: String) -> String {
        let s = study
        let map = s.map
        var script = "$\(prefix)map << EOD\n"
        for (j, ly) in map.logWeightDecays.enumerated() {
            for (i, lx) in map.logLearningRates.enumerated() {
                let a = map.accuracy[j][i]
                script += "\(lx) \(ly) \(a.isFinite ? String(a) : "NaN")\n"
            }
            script += "\n"
        }
        script += "EOD\n"
        func points(_ name: String, _ p: [TrialPoint]) -> String {
            Gnuplot.datablock("\(prefix)\(name)", rows: p.map { [log10($0.learningRate), log10($0.weightDecay)] })
        }
        func box(_ name: String, _ x: LogRange, _ y: LogRange) -> String {
            Gnuplot.datablock("\(prefix)\(name)", rows: [[x.logLow, y.logLow], [x.logHigh, y.logLow], [x.logHigh, y.logHigh],
                                                        [x.logLow, y.logHigh], [x.logLow, y.logLow]])
        }
        script += points("coarse", s.coarse) + points("fine", s.fine)
        script += box("coarsebox", s.coarseLearningRate, s.coarseWeightDecay) + box("finebox", s.fineRegion.learningRate, s.fineRegion.weightDecay)
        let best = s.fineBest.validationAccuracy > s.coarseBest.validationAccuracy ? s.fineBest : s.coarseBest
        script += Gnuplot.datablock("\(prefix)best", rows: [[log10(best.learningRate), log10(best.weightDecay)]])
        let finite = map.accuracy.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = Swift.max(finite.max() ?? 1, low + 0.01)
        script += "set title \(Gnuplot.quoted(title))\n"
        script += "set xlabel 'learning rate'\nset ylabel 'weight decay λ'\nset cblabel 'validation accuracy (interpolated)'\n"
        script += "set xrange [\(s.mapLearningRate.logLow):\(s.mapLearningRate.logHigh)]\nset yrange [\(s.mapWeightDecay.logLow):\(s.mapWeightDecay.logHigh)]\n"
        script += "set cbrange [\(low):\(high)]\n"
        script += "set xtics (\(Self.decadeTics(s.mapLearningRate)))\nset ytics (\(Self.decadeTics(s.mapWeightDecay)))\n"
        // Viridis (perceptually uniform, legible in grey): dark = low accuracy, yellow = high.
        script += "set palette defined (0 '#440154', 0.25 '#3B528B', 0.5 '#21918C', 0.75 '#5EC962', 1 '#FDE725')\n"
        script += "set grid front lc rgb '#FFFFFF' lw 0.4\n"
        // The marks are black to stand out on every viridis colour; on a dark slide the legend
        // gets a light box so that its black swatches show too.
        let lightKey = Theme.current == .dark ? " opaque fc rgb '#E6E6E6' textcolor rgb '#000000'" : ""
        script += "set bmargin 9\nset key at screen 0.45,0.055 center center horizontal maxcols 3 height 0.5\(lightKey)\n"
        script += "plot $\(prefix)map using 1:2:3 with image notitle, \\\n"
        script += "     $\(prefix)coarsebox using 1:2 with lines lw 2 lc rgb '#000000' title 'coarse range', \\\n"
        script += "     $\(prefix)finebox using 1:2 with lines lw 2.5 dt (8,4) lc rgb '#D55E00' title 'fine region', \\\n"
        script += "     $\(prefix)coarse using 1:2 with points pt 7 ps 1.4 lc rgb '#000000' title 'coarse trials', \\\n"
        script += "     $\(prefix)fine using 1:2 with points pt 5 ps 1.2 lc rgb '#D55E00' title 'fine trials', \\\n"
        script += "     $\(prefix)best using 1:2 with points pt 3 ps 3.2 lw 3 lc rgb '#000000' title 'best trial'\n"
        return script
    }

    /// Ticks at every power of ten in `range`, labelled `1e-4`, …, as gnuplot's tic list.
    static func decadeTics(_ range: LogRange) -> String {
        let first = Int(range.logLow.rounded(.up)), last = Int(range.logHigh.rounded(.down))
        guard first <= last else { return "'\(LogRange.short(range.low))' \(range.logLow)" }
        return (first...last).map { "'1e\($0)' \($0)" }.joined(separator: ", ")
    }
}
