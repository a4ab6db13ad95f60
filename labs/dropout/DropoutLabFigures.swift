import Foundation
import NNEngine
import NNRender

/// The six figures of the dropout lab, built from the computed values.
struct DropoutLabFigures {
    var result: DropoutLabResult
    var findings: DropoutLabFindings

    /// Figure 1: per data set, accuracy (train and validation) and loss against epoch for every p.
    var overfitting: LinePlot {
        var panels: [LinePlot.Panel] = []
        for panel in result.overfitting {
            let curves = panel.curves
            // One colour per keep probability; training solid, validation dashed.
            func series(_ name: String, dashed: Bool, _ value: @escaping (EpochRecord) -> Double?) -> [LinePlot.Series] {
                curves.enumerated().map { k, curve in
                    // A diverged run's curve ends at its last finite epoch; the legend says why.
                    let stop: String
                    if case .diverged(let step, let loss) = curve.outcome { stop = " (loss \(loss.rawValue) at step \(step))" } else { stop = "" }
                    return LinePlot.Series(name: "p=\(curve.keep) \(name)\(stop)", x: curve.epochs.map { Double($0.epoch) },
                                    y: curve.epochs.map { value($0) ?? .nan }, color: k, dashed: dashed)
                }
            }
            let accuracy = zip(series("train", dashed: false, { $0.trainAccuracy }),
                               series("val", dashed: true, { $0.validationAccuracy })).flatMap { [$0, $1] }
            let loss = zip(series("train", dashed: false, { $0.trainLoss }),
                           series("val", dashed: true, { $0.validationLoss })).flatMap { [$0, $1] }
            let gaps = curves.map { String(format: "%.1f", 100 * $0.accuracyGap) }.joined(separator: " / ") + " pts"
            let net = panel.hidden.map(String.init).joined(separator: "-")
            panels.append(LinePlot.Panel(title: "\(panel.dataset), \(net): accuracy\ntrain − val: \(gaps)",
                                         xLabel: "epoch", yLabel: "accuracy", series: accuracy, markers: false, yFrom: 0))
            // A run that blew up has gaps like 1e125: in %.3f they would run off the panel.
            let lossGaps = curves.map { String(format: abs($0.lossGap) < 1000 ? "%.3f" : "%.2e", $0.lossGap) }.joined(separator: " / ")
            panels.append(LinePlot.Panel(title: "\(panel.dataset): loss (inference mode)\nval − train: \(lossGaps)",
                                         xLabel: "epoch", yLabel: "cross-entropy loss", series: loss, logY: true, markers: false))
        }
        let c = result.configuration
        let inputs = result.overfitting.contains { $0.curves.contains { $0.inputKeep < 1 } }
            ? "; digit pixels kept with max(p, \(c.inputKeep))" : ""
        // One row per data set: its accuracy beside its loss.
        let verdicts = result.overfitting.map(DropoutLabFindings.verdict).joined(separator: "\n")
        let keeps = "p = " + c.keeps.map { "\($0)" }.joined(separator: " / ")
        return LinePlot(title: "Overfitting a small training set, and dropout (\(keeps))\n\(c.optimizerConfiguration)\(inputs), seed \(c.seed)\n\(verdicts)"
                            + (result.divergences.isEmpty ? "" : "\n\(result.divergences.count) of \(result.trainedNets) nets diverged (loss NaN or ∞); their curves end there"),
                        panels: panels, columns: 2)
    }

    /// Figure 2: vanilla-with-scaling probabilities against inverted-rescaled ones (on the diagonal)
    /// and against the unscaled ones (off it).
    var scaling: LinePlot {
        let s = result.scaling
        let p = s.inputKeep < 1 ? "p = \(s.keep), inputs \(s.inputKeep)" : "p = \(s.keep)"
        return LinePlot(title: "Vanilla dropout (scale by \(p) at test time) = inverted dropout (scale by 1/p in training): max |Δp| = \(DropoutLabFindings.short(s.maxProbabilityDifference)), seed \(result.configuration.seed)", panels: [
            LinePlot.Panel(title: "test-set class probabilities, same trained weights", xLabel: "vanilla net, activations × p at test time",
                              yLabel: "other evaluation", series: [
                                  .init(name: "inverted, W ← pW after each dropout (acc \(DropoutLabFindings.percent(s.invertedTestAccuracy)))",
                                        x: s.vanillaProbabilities, y: s.invertedProbabilities, dotsOnly: true),
                                  .init(name: "no test-time scaling (acc \(DropoutLabFindings.percent(s.unscaledTestAccuracy)))",
                                        x: s.vanillaProbabilities, y: s.unscaledProbabilities, dotsOnly: true),
                              ], diagonal: true),
        ], key: .below)
    }

    /// Figure 3: E[a] over the four masks against p, with p·a_test and a_test.
    var neuron: LinePlot {
        let n = result.neuron
        let ps = n.rows.map(\.keep)
        return LinePlot(title: String(format: "The two-input neuron a = w1·x + w2·y (w1=%.3f, w2=%.3f, x=%.3f, y=%.3f): enumerating the 4 masks, seed %llu", n.w1, n.w2, n.x, n.y, result.configuration.seed), panels: [
            LinePlot.Panel(title: "vanilla dropout: E[a] = p·(w1x + w2y)", xLabel: "keep probability p", yLabel: "activation", series: [
                .init(name: "E[a] over the 4 masks (training)", x: ps, y: n.rows.map(\.vanillaExpectation)),
                .init(name: "p · a_test (test-time scaling)", x: ps, y: n.rows.map(\.scaledTestActivation)),
                .init(name: "a_test, unscaled", x: ps, y: ps.map { _ in n.testActivation }),
            ]),
            // The two agree up to float64 rounding; the axis keeps a sensible range around them
            // (`LinePlot` widens a flat one), a_test is drawn first and dashed so the training
            // expectation's dots stay visible on it, and the note gives the largest difference.
            LinePlot.Panel(title: "inverted dropout: E[a/p] = w1x + w2y", xLabel: "keep probability p", yLabel: "activation", series: [
                .init(name: "a_test (no test-time work)", x: ps, y: ps.map { _ in n.testActivation }, color: 1, dashed: true),
                .init(name: "E[m·a/p] over the 4 masks (training)", x: ps, y: n.rows.map(\.invertedExpectation), color: 0),
            ], note: "largest |E[m·a/p] − a_test| over p: " + DropoutLabFindings.short(n.rows.map { abs($0.invertedExpectation - n.testActivation) }.max() ?? 0)
                + " (float64 rounding)"),
        ])
    }

    /// Figure 4: MC-dropout accuracy and agreement against K, log-x.
    var monteCarlo: LinePlot {
        let m = result.monteCarlo
        let k = m.points.map { Double($0.passes) }
        let p = m.inputKeep < 1 ? "p = \(m.keep), inputs \(m.inputKeep)" : "p = \(m.keep)"
        return LinePlot(title: "Monte Carlo dropout (\(p)): averaging K sampled sub-networks, seed \(result.configuration.seed)", panels: [
            LinePlot.Panel(title: "test accuracy and agreement with the weight-scaled pass\n\(m.disagreeingExamples.count) of \(m.testCount) examples still disagree at K = \(m.points.last!.passes)",
                              xLabel: "K, stochastic passes averaged", yLabel: "fraction of test examples", series: [
                                  .init(name: "accuracy of the K-pass average", x: k, y: m.points.map(\.accuracy)),
                                  .init(name: "agreement with the weight-scaled argmax", x: k, y: m.points.map(\.agreement)),
                                  .init(name: "weight-scaled accuracy", x: k, y: k.map { _ in m.deterministicAccuracy }),
                              ], logX: true),
            LinePlot.Panel(title: "mean max |p̄ − p_scaled| per example: E[softmax f(x,z)] ≠ softmax f(x, E z)",
                              xLabel: "K, stochastic passes averaged", yLabel: "probability difference", series: [
                                  .init(name: "K-pass average vs weight-scaled", x: k, y: m.points.map(\.meanProbabilityDifference)),
                              ], logX: true, yFrom: 0),
        ], key: .below)
    }

    /// Figure 5: test accuracy against ensemble size, one panel per training-set size.
    var ensembles: LinePlot {
        let panels = result.ensembles.map { e -> LinePlot.Panel in
            let sizes = (1...e.independentAccuracy.count).map(Double.init)
            var series: [LinePlot.Series] = [
                .init(name: "k independent inits", x: sizes, y: e.independentAccuracy),
                // Not a function of k: member i's own accuracy, drawn as dots at x = i so that the
                // ensemble of the first k can be read against the members it averages.
                .init(name: "member i alone (x = i)", x: sizes, y: e.members.map(\.testAccuracy), dotsOnly: true, dotSize: 1.4),
            ]
            if !e.checkpointAccuracy.isEmpty {
                series.append(.init(name: "last k checkpoints, 1 run", x: (1...e.checkpointAccuracy.count).map(Double.init), y: e.checkpointAccuracy))
            }
            series.append(.init(name: "parameter average, 1 run", x: sizes, y: sizes.map { _ in e.runningAverageAccuracy }))
            return LinePlot.Panel(title: "\(e.trainCount) training digits: this ensemble \(DropoutLabFindings.points(e.ensembleGain))\n"
                                    + DropoutLabFindings.gainSpread(e),
                                  xLabel: "ensemble size k  (dots: member index i)", yLabel: "test accuracy", series: series)
        }
        return LinePlot(title: "Model ensembles: average the probabilities, then argmax (same test set); gain = ensemble − mean single net, seed \(result.configuration.seed)",
                        panels: panels)
    }

    /// Figure 6: three decision-region maps.
    var boundaries: ClassMapPlot {
        let b = result.boundaries
        let points = (0..<b.pointLabels.count).map { (x: b.pointsX[$0], y: b.pointsY[$0], label: b.pointLabels[$0]) }
        return ClassMapPlot(title: "Decision regions on the \(b.dataset) (\(result.configuration.planarHidden.map(String.init).joined(separator: "-")) ReLU), training points overlaid, seed \(result.configuration.seed)",
                            classCount: b.classCount, panels: b.maps.map {
            ClassMapPlot.Panel(title: "\($0.name)\ntrain \(DropoutLabFindings.percent($0.trainAccuracy)), test \(DropoutLabFindings.percent($0.testAccuracy))",
                               xs: b.xs, ys: b.ys, classes: $0.classes, points: points)
        })
    }
}
