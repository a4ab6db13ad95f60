import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `NeuronsLabResult` into seven figures, each with its JSON (title, seed, caption, the
/// run's parameters and the plotted numbers): `activations`, `xor`, `no-activation`,
/// `universal-approximation`, `relu-vs-tanh`, `backprop-graph`, `gradient-check-steps`.
public enum NeuronsLabReport {
    /// The figures in the order they are drawn, each with its caption and the numbers it plots.
    static func figures(_ r: NeuronsLabResult) -> [CaptionedFigure] {
        let f = NeuronsLabFigures(result: r)
        let c = captions(r)
        return [
            CaptionedFigure("activations", "f and f′ of ten activations with f′(−10), f′(0), f′(10), the mean output and the dead region", f.activations, c[0], r.activations),
            CaptionedFigure("xor", "XOR: logistic regression against one hidden layer, and the hidden features", f.linearLimits, c[1], r.linearLimits),
            CaptionedFigure("no-activation", "a deep net without activations equals one matrix", f.linearCollapse, c[2], r.linearCollapse),
            CaptionedFigure("universal-approximation", "1-D fits with 1, 3, 10, 50 hidden units and bumps from shifted sigmoids", f.approximation, c[3], r.approximation),
            CaptionedFigure("relu-vs-tanh", "epochs to a target loss for ReLU and tanh, and dead ReLUs against the learning rate", f.speed, c[4], r.speed),
            CaptionedFigure("backprop-graph", "forward values and backward deltas of a 2-2-1 net, checked by centred differences", f.backprop, c[5], r.backprop),
            CaptionedFigure("gradient-check-steps", "relative error of one-sided and centred differences against h in float64 and float32", f.stepSweep, c[6], r.stepSweep),
        ]
    }

    /// Writes every figure (one gnuplot process) and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ r: NeuronsLabResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        try CaptionedFigureWriter(seed: r.configuration.seed, parameters: r.configuration).write(figures(r), to: folder, renderer: renderer)
    }

    /// One line per figure for the terminal: the finding of each caption.
    public static func summary(_ r: NeuronsLabResult) -> String {
        CaptionedFigureWriter.summary(figures(r))
    }

    /// One activation's facts for the caption, moved from its panel's title: f′ at −10, 0 and
    /// 10, the mean output under z ~ N(0, 1), where f′ = 0 or is saturated, and the f′ check.
    static func activationFacts(_ a: ActivationCurve) -> Caption.Number {
        let probes = a.probes.map { "f′(\(String(Int($0.x)).replacingOccurrences(of: "-", with: "−"))) = \(Format.short($0.derivative))" }.joined(separator: ", ")
        let flat = a.zeroGradientFraction > 0 ? "f′ = 0 on \(Format.percent(a.zeroGradientFraction)) of [−10, 10] (dead)"
            : a.saturatedFraction > 0 ? "|f′| < 1e-3 on \(Format.percent(a.saturatedFraction)) of [−10, 10] (saturated)" : "never saturates"
        return .init(name: "\(a.name): \(a.formula)",
                     value: "\(probes); E f(z) = \(Format.short(a.meanOutput)) (\(a.zeroCentred ? "zero-centred" : "not zero-centred")); \(flat); f′ check on [−4, 4] \(Format.short(a.gradientCheckError))")
    }

    static func captions(_ r: NeuronsLabResult) -> [Caption] {
        func n(_ name: String, _ value: String) -> Caption.Number { .init(name: name, value: value) }
        let a = r.activations
        let sigmoid = a.first { $0.name == "sigmoid" }!, relu = a.first { $0.name == "ReLU" }!
        let worstCheck = a.max { $0.gradientCheckError < $1.gradientCheckError }!
        let centred = a.filter(\.zeroCentred).map(\.name).joined(separator: ", ")
        let l = r.linearLimits, lc = r.linearCollapse, u = r.approximation, s = r.speed, b = r.backprop, g = r.stepSweep
        let ratio = ReLUSpeed.ratio
        let centred64 = g.curves[0], oneSided64 = g.curves[1], centred32 = g.curves[2]
        return [
            Caption(lecturePoint: "Sigmoid and tanh saturate and kill gradients (x = ±10); sigmoid outputs are not zero-centred; ReLU does not saturate for x > 0 but is dead for x < 0",
                    deck: "001",
                    finding: "sigmoid f′(±10) = \(Format.short(sigmoid.probes[0].derivative)), f′(0) = \(Format.short(sigmoid.probes[1].derivative)); ReLU f′ = 0 on \(Format.percent(relu.zeroGradientFraction)) of [−10, 10]; zero-centred (|E f(z)| < 0.01): \(centred); worst gradient check \(Format.short(worstCheck.gradientCheckError)) (\(worstCheck.name))",
                    numbers: [n("sigmoid f′(10)", Format.short(sigmoid.probes[2].derivative)), n("sigmoid E f(z)", Format.short(sigmoid.meanOutput)),
                              n("ReLU dead share", Format.percent(relu.zeroGradientFraction)), n("worst f′ check", Format.short(worstCheck.gradientCheckError))]
                        + a.map(activationFacts),
                    rank: 0),
            Caption(lecturePoint: "Linear classifiers cannot answer \"do the 2 inputs have the same value?\"; a hidden layer learns features where the classes are linearly separable",
                    deck: "002",
                    finding: "logistic regression \(Format.percent(l.logistic.trainAccuracy)) training accuracy; one hidden layer of 2 tanh units \(Format.percent(l.hidden.trainAccuracy)) (best of \(l.restartAccuracies.count) restarts: \(l.restartAccuracies.map(Format.percent).joined(separator: ", ")))",
                    numbers: [n("logistic regression", Format.percent(l.logistic.trainAccuracy)), n("2 hidden tanh units", Format.percent(l.hidden.trainAccuracy))],
                    rank: 1),
            Caption(lecturePoint: "Without activation functions a deep network is one linear map (W = W₁W₂W₃): its boundary is a line",
                    deck: "002",
                    finding: "deep linear net \(Format.percent(lc.deepLinear.trainAccuracy)), its product matrix \(Format.percent(lc.collapsed.trainAccuracy)), max |Δ score| \(Format.short(lc.maxScoreDifference)); with ReLU \(Format.percent(lc.withReLU.trainAccuracy))",
                    numbers: [n("max |Δ score|", Format.short(lc.maxScoreDifference)), n("linear accuracy", Format.percent(lc.deepLinear.trainAccuracy)),
                              n("ReLU accuracy", Format.percent(lc.withReLU.trainAccuracy)),
                              n("W = W₁W₂W₃", "[" + lc.productMatrix.map { String(format: "%.3f", $0) }.enumerated().map { $0 == 2 ? "; \($1)" : ($0 == 0 ? $1 : " \($1)") }.joined() + "]")],
                    rank: 2),
            Caption(lecturePoint: "A network with one hidden layer is a universal approximator; capacity grows with the number of hidden units",
                    deck: "000",
                    finding: "MSE with " + u.fits.map { "\($0.units) units \(Format.short($0.meanSquaredError))" }.joined(separator: ", ")
                        + "; \(u.towerCount) sigmoid bumps rebuild the target to \(Format.short(u.towerMaxError))",
                    numbers: u.fits.map { n("MSE, \($0.units) unit\($0.units == 1 ? "" : "s")", Format.short($0.meanSquaredError)) }
                        + [n("max error of \(u.towerCount) bumps in [−3, 3]", Format.short(u.towerMaxError))],
                    rank: 3),
            Caption(lecturePoint: "ReLU converges much faster than sigmoid/tanh in practice (e.g. 6×); ReLU units do not learn once their activation is zero",
                    deck: "000",
                    finding: "median epochs to training loss ≤ \(Format.short(s.targetLoss)) over \(r.configuration.speedSeeds) seeds, against ReLU: "
                        + s.speedups.map { x in "\(x.against) \(ratio(x)) (per seed: \(x.perSeed.isEmpty ? "none where both reached it" : x.perSeed.map { String(format: "%.2f", $0) }.joined(separator: ", ")))" }.joined(separator: ", ")
                        + (s.runs.contains(where: \.diverged) ? ", \(s.runs.filter(\.diverged).count) of \(s.runs.count) runs diverged (first: \(s.runs.first(where: \.diverged)!.outcome))" : "")
                        + "; dead first-layer units: "
                        + s.dead.map { "lr \(Format.short($0.learningRate)) \($0.meanDeadFraction.map(Format.percent) ?? "diverged")" }.joined(separator: ", "),
                    numbers: s.speedups.map { n("\($0.against)/ReLU epochs", ratio($0)) } + [
                              n("dead at lr \(Format.short(s.dead.last!.learningRate))", s.dead.last!.meanDeadFraction.map(Format.percent) ?? "diverged")],
                    rank: 4),
            Caption(lecturePoint: "Backprop computes error derivatives for hidden units from those of the layer above; check them with centred differences",
                    deck: "002",
                    finding: "hand backprop = engine backward to \(Format.short(b.engineMaxDifference)); against centred differences max relative error \(Format.short(b.maxRelativeError)) (\(b.band))",
                    numbers: [n("max relative error", Format.short(b.maxRelativeError)), n("engine difference", Format.short(b.engineMaxDifference))],
                    rank: 5),
            Caption(lecturePoint: "Use the centred formula (f(x+h) − f(x−h))/2h, error O(h²), not the one-sided O(h); h ≈ 1e-5, and mind float precision",
                    deck: "000",
                    finding: "best relative error: centred float64 \(Format.short(centred64.bestError)) at h = \(Format.short(centred64.bestStep)), one-sided float64 \(Format.short(oneSided64.bestError)) at h = \(Format.short(oneSided64.bestStep)), centred float32 \(Format.short(centred32.bestError)) at h = \(Format.short(centred32.bestStep)); truncation slopes \(String(format: "%.2f", centred64.truncationSlope)) (centred) and \(String(format: "%.2f", oneSided64.truncationSlope)) (one-sided)",
                    numbers: g.curves.map { n("\($0.name): best error, h, slope", "\(Format.short($0.bestError)) at h = \(Format.short($0.bestStep)), slope \(String(format: "%.2f", $0.truncationSlope))") },
                    rank: 6),
        ]
    }
}
