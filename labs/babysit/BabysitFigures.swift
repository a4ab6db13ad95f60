import Foundation
import NNEngine
import NNFiles
import NNRender

/// The figures of a babysitting run, built from its result (see `BabysitReport` for the files).
struct BabysitFigures {
    let result: BabysitResult

    typealias Series = LinePlot.Series
    typealias Panel = LinePlot.Panel

    /// A horizontal line at `y` across `x`'s extent.
    static func level(_ name: String, _ y: Double, from x0: Double, to x1: Double, color: Int = 6) -> Series {
        Series(name: name, x: [x0, x1], y: [y, y], color: color, dashed: true)
    }

    /// A vertical line at `x` from `y0` to `y1`.
    static func vertical(_ name: String, _ x: Double, from y0: Double, to y1: Double, color: Int) -> Series {
        Series(name: name, x: [x, x], y: [y0, y1], color: color, dashed: true)
    }

    /// A setup's name in a legend: the broken setup's description is kept in the JSON.
    static func legendName(_ setup: String) -> String {
        setup.hasPrefix("broken") ? "broken (W ×10)" : setup
    }

    /// Figure 1: initial loss against λ, and the 20-example runs, with one legend for the three
    /// panels (log C is drawn in each: the initial loss's target, off the accuracy axis).
    var sanity: LinePlot {
        let s = result.sanity
        let lambdas = SanityChecks.lambdas
        // log₁₀ λ on a linear axis: five decade labels ("0.0001 0.001 …") ran together in a
        // third of a slide.
        let logLambdas = lambdas.map(log10)
        let logC = Self.level("log C = \(BabysitFindings.f(s.logC, 4))", s.logC, from: 0, to: 1)
        func withLogC(_ series: [Series], from x0: Double, to x1: Double) -> [Series] {
            var line = logC
            line.x = [x0, x1]
            return series + [line]
        }
        var initial = Panel(title: "initial loss against λ", xLabel: "log₁₀ λ (L2, ½λΣ‖W‖²)", yLabel: "data + regularization",
                            series: withLogC(s.initialLosses.enumerated().map { Series(name: Self.legendName($1.setup), x: logLambdas, y: $1.totalLoss, color: $0) },
                                             from: logLambdas.first!, to: logLambdas.last!),
                            logY: true,
                            note: "λ = 0: " + s.initialLosses.map { "\(BabysitFindings.f($0.dataLoss, 4))" }.joined(separator: ", "))
        // A decade of room under the lowest value, so that the λ = 0 note in the lower corner
        // sits below the curves and the log C line instead of over them.
        let initialValues = (s.initialLosses.flatMap(\.totalLoss) + [s.logC]).filter { $0.isFinite && $0 > 0 }
        if let low = initialValues.min(), let high = initialValues.max() {
            initial.yRange = pow(10, log10(low).rounded(.down) - 1)...pow(10, Swift.max(log10(high).rounded(.up), log10(low).rounded(.down) + 1))
        }
        func epochs(_ n: Int) -> [Double] { (1...Swift.max(1, n)).map(Double.init).prefix(n).map { $0 } }
        let lastEpoch = Double(s.overfits.map(\.trainAccuracy.count).max() ?? 1)
        var accuracy = Panel(title: "overfit \(SanityChecks.sampleSize): accuracy", xLabel: "epoch (full batch, λ = 0)",
                             yLabel: "training accuracy",
                             series: withLogC(s.overfits.enumerated().map { Series(name: Self.legendName($1.setup), x: epochs($1.trainAccuracy.count), y: $1.trainAccuracy, color: $0) },
                                              from: 1, to: lastEpoch),
                             markers: false, note: s.overfits.compactMap { o in
                                 if case let .diverged(step, _) = o.outcome { return "\(o.setup): NaN at step \(step)" }
                                 return nil
                             }.first)
        accuracy.yRange = 0...1.05
        // A loss of exactly 0 (the broken net's huge scores round the true class's probability to
        // 1) has no place on a log axis: drawn at the axis floor, and said so, instead of leaving
        // gaps in the curve. The JSON keeps the losses as computed.
        let floor = 1e-6
        let floored = s.overfits.contains { $0.trainLoss.contains { $0 < floor } }
        var loss = Panel(title: "overfit \(SanityChecks.sampleSize): loss" + (floored ? "\n(0 drawn at 1e-6)" : ""), xLabel: "epoch (full batch, λ = 0)", yLabel: "training loss",
                         series: withLogC(s.overfits.enumerated().map { Series(name: Self.legendName($1.setup), x: epochs($1.trainLoss.count),
                                                                              y: $1.trainLoss.map { $0.isNaN ? $0 : Swift.max($0, floor) }, color: $0) },
                                          from: 1, to: lastEpoch),
                         logY: true, markers: false)
        loss.yRange = floor...1e4
        return LinePlot(title: "Sanity checks before training: loss at init, and overfitting a tiny sample", panels: [initial, accuracy, loss], key: .outside)
    }

    /// Figure 2: the learning-rate finder for each optimizer, regions marked, one legend for
    /// both panels (the measured boundaries are in the panel titles).
    var finder: LinePlot {
        let panels = result.finders.map { x -> Panel in
            let start = x.smoothed.first ?? 1
            let top = LearningRateFinder.explosion * start
            // log₁₀ lr on a linear axis: seven decade labels did not fit under a half-slide panel.
            let logRates = x.learningRates.map(log10)
            var series = [Series(name: "minibatch loss", x: logRates, y: x.losses, dotsOnly: true, color: 6, dotSize: 0.4),
                          Series(name: "smoothed (EMA 0.9)", x: logRates, y: x.smoothed, color: 0)]
            if let low = x.tooLowBelow { series.append(Self.vertical("too low | good", log10(low), from: 0, to: top, color: 2)) }
            if let high = x.tooHighFrom { series.append(Self.vertical("good | too high", log10(high), from: 0, to: top, color: 1)) }
            series.append(Series(name: "suggested: min/10", x: [log10(x.suggested)], y: [x.smoothed[x.learningRates.firstIndex { $0 >= x.suggested } ?? 0]],
                                 dotsOnly: true, color: 4, dotSize: 2))
            let good = "good \(x.tooLowBelow.map { BabysitFindings.f($0, 2) } ?? "–")–\(x.tooHighFrom.map { BabysitFindings.f($0, 2) } ?? "end")"
            var panel = Panel(title: "\(x.optimizer)\n\(good), suggested \(BabysitFindings.f(x.suggested, 2))", xLabel: "log₁₀ learning rate",
                              yLabel: "minibatch loss", series: series, markers: false,
                              note: x.diverged ? "loss NaN/∞ at lr \(BabysitFindings.f(x.learningRates.last.map { $0 } ?? .nan, 2))" : nil)
            panel.yRange = 0...top
            return panel
        }
        let c = result.configuration
        return LinePlot(title: "Learning-rate finder: one run, lr ×\(BabysitFindings.f(pow(c.finderRange.upperBound / c.finderRange.lowerBound, 1 / Double(c.finderSteps - 1)), 3)) every step, "
                            + "stopped when the smoothed loss exceeds \(Int(LearningRateFinder.explosion))× its start",
                        panels: panels, key: .outside)
    }

    /// A loss-curve run's panel title: its name, and its settings on a second line.
    static func runTitle(_ c: LossCurve) -> String {
        "\(c.title)\nlr \(BabysitFindings.f(c.learningRate, 2)), λ \(BabysitFindings.f(c.lambda, 2))"
    }

    /// The epoch axis's tick step in a row of five panels: at most three intervals (0, 10, 20 for
    /// twenty epochs), since "0 5 10 15 20" ran together in a fifth of a slide.
    static func epochTicStep(_ epochs: Int) -> Double {
        [1.0, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { Double(epochs) / $0 <= 3 } ?? Double(epochs)
    }

    /// Figure 3: one panel per run, the minibatch loss and its moving average on the same axes,
    /// the five runs in one row filling a slide's width (a 2×3 grid left its sixth slot empty),
    /// the two series named in the title instead of a legend that would take a sixth of the row.
    var curves: any Figure {
        let logC = result.sanity.logC
        // The axis is cut at 2 log C rounded up to a whole number (5 for ten classes): at 2 log C
        // itself, 4.61, gnuplot labelled every 0.5 and the labels ran together in a third of a slide.
        let top = Swift.max(2.5, (2 * logC).rounded(.up))
        // The y label on the first panel only: the row shares one axis, and each repeat took
        // width the x labels needed.
        let panels = result.curves.enumerated().map { i, c -> Panel in
            let x = c.stepLosses.indices.map { Double($0 + 1) / Double(c.stepsPerEpoch) }
            var loss = Panel(title: c.title, xLabel: "epoch", yLabel: i == 0 ? "loss" : "",
                             series: [Series(name: "", x: x, y: c.stepLosses, color: 6),
                                      Series(name: "", x: x, y: c.movingAverage, color: 0)],
                             markers: false, note: c.divergedAtStep.map { "NaN at step \($0): drawn until then" })
            loss.yRange = 0...top
            loss.xTicStepOverride = Self.epochTicStep(result.configuration.epochs)
            return loss
        }
        let plot = LinePlot(title: "Loss curves to learn to read: grey dashed, each minibatch's loss; blue, its 1-epoch average\n"
                                + "(same axes, cut at \(BabysitFindings.f(top, 3)) ≥ 2 log C = \(BabysitFindings.f(2 * logC, 3)))",
                            panels: panels, key: .insideBottomRight)
        return SlideStrip(figure: plot, size: FigureSize(width: 1920, height: 720))
    }

    /// Figure 3b: the same runs' training and validation accuracy after every epoch, in one row
    /// like figure 3, the two series named in the title.
    var accuracyCurves: any Figure {
        let epochsMax = Double(result.configuration.epochs)
        let panels = result.curves.enumerated().map { i, c -> Panel in
            var accuracy = Panel(title: Self.runTitle(c), xLabel: "epoch", yLabel: i == 0 ? "accuracy" : "",
                                 series: [Series(name: "", x: c.epochs.map { Double($0.epoch) }, y: c.epochs.map(\.trainAccuracy), color: 2),
                                          Series(name: "", x: c.epochs.map { Double($0.epoch) }, y: c.epochs.compactMap(\.validationAccuracy), color: 1, dashed: true)],
                                 markers: false)
            accuracy.yRange = 0...1.02
            accuracy.xTicStepOverride = Self.epochTicStep(result.configuration.epochs)
            if c.epochs.isEmpty { accuracy.series = [Series(name: "", x: [epochsMax], y: [Double.nan], color: 2)] }
            return accuracy
        }
        let plot = LinePlot(title: "The same runs' accuracy after every epoch: the train/validation gap\ngreen solid: training; orange dashed: validation",
                            panels: panels, key: .insideBottomRight)
        return SlideStrip(figure: plot, size: FigureSize(width: 1920, height: 720))
    }

    /// Figure 4a: the update-to-weight ratio per layer against the step, with the 1e-3 band.
    var ratios: LinePlot {
        let inside = result.inside
        let x = inside.ratios.indices.map { Double($0 + 1) / Double(inside.stepsPerEpoch) }
        let end = x.last ?? 1
        var series = inside.layers.indices.map { l in Series(name: inside.layers[l], x: x, y: inside.ratios.map { $0[l] }, color: l) }
        series.append(Self.level("1e-3 (lecture)", UpdateRatio.target, from: 0, to: end, color: 7))
        series.append(Self.level("band ×/÷ 3", UpdateRatio.target * 3, from: 0, to: end, color: 6))
        series.append(Self.level("", UpdateRatio.target / 3, from: 0, to: end, color: 6))
        let panel = Panel(title: "‖ΔW‖ / ‖W‖ at every step, \(result.configuration.optimizerConfiguration)", xLabel: "epoch", yLabel: "update / weight ratio",
                          series: series, logY: true, markers: false)
        return LinePlot(title: "Update-to-weight ratio per layer (good run); the lecture wants ≈ 1e-3", panels: [panel], key: .outside)
    }

    /// Figures 4b, 4c: histograms of activations or gradients, one row per epoch, one column per layer.
    func histograms(gradients: Bool) -> HistogramGrid {
        // Only the figure-3 runs with dead units are named: five runs do not fit in a title.
        let dead = result.inside.deadAtEndOfEachRun
        let named = dead.filter { $0.dead.reduce(0, +) > 0 }.map { "\($0.run) \($0.dead.reduce(0, +))/\($0.units.reduce(0, +))" }
        let deadAtEnd = named.isEmpty ? "none in any run" : named.joined(separator: ", ") + (named.count < dead.count ? ", other runs 0" : "")
        let probes = result.inside.probes
        let layers = probes.first?.units.count ?? 0
        let panels = (0..<layers).flatMap { l in
            probes.map { p in
                HistogramGrid.Panel(title: "layer \(l + 1), epoch \(p.epoch)" + (gradients ? "\nstd \(String(format: "%.1e", p.gradientStds[l]))" : "\n\(p.deadUnits[l]) of \(p.units[l]) dead"),
                                    histogram: gradients ? p.gradientHistograms[l] : p.activationHistograms[l])
            }
        }
        return HistogramGrid(title: gradients ? "Gradients ∂L/∂h at each hidden ReLU layer of the good run, \(BabysitLab.probeCount) validation digits\nx axis: ∂L/∂h in units of \(BabysitFindings.f(result.inside.gradientUnit, 1))"
                                 : "ReLU activations h of the good run, \(BabysitLab.probeCount) validation digits (dead: 0 on all of them)\ndead at the end of the loss-curve runs: \(deadAtEnd)",
                             xLabel: "", panels: panels, columns: probes.count, logY: false,
                             sharedY: true, sharedX: true)
    }

    /// Figure 4d: the first layer's weights as 8×8 images, blue negative, red positive.
    var weights: ImagePanels {
        let inside = result.inside
        let side = inside.imageSide ?? 1
        let shown = Swift.min(5, inside.firstLayerInitial.count)
        func image(_ w: [Double]) -> PNGImage {
            let scale = Swift.max(1e-12, w.map(abs).max() ?? 1)
            var pixels: [UInt8] = []
            for v in w {
                let t = v / scale  // −1 … 1
                let fade = UInt8(max(0, min(255, 255 * (1 - abs(t)))))
                pixels += t >= 0 ? [255, fade, fade] : [fade, fade, 255]
            }
            return PNGImage(width: side, height: side, channels: 3, pixels: pixels)
        }
        let columns = (0..<shown).map { u -> [ImagePanels.Panel] in
            let (w0, w1) = (inside.firstLayerInitial[u], inside.firstLayerFinal[u])
            // Untitled: at the slide font a title per image ran into the image above it; the
            // figure's title names the rows and columns.
            return [ImagePanels.Panel(title: "", image: image(w0)),
                    ImagePanels.Panel(title: "", image: image(w1)),
                    ImagePanels.Panel(title: "", image: image(zip(w1, w0).map { $0 - $1 }))]
        }
        return ImagePanels(title: "First-layer weights of units 1–\(shown) (columns) as 8×8 images, red +, blue −, each to its own max |w|\nrows: at initialization, after training, change (end − init)",
                           columns: columns)
    }

    /// Figure 5: lr(t), validation loss and accuracy per schedule, the best (restored) epoch
    /// dotted on each, one legend for the three panels.
    var schedules: LinePlot {
        let runs = result.schedules
        let perEpoch = Double(result.curves.first?.stepsPerEpoch ?? 1)
        // The dot of each run at its best epoch, in every panel: the same series in each, so
        // one legend serves all three.
        func best(_ value: (ScheduleRun) -> Double?) -> [Series] {
            runs.enumerated().map { i, r in
                let y = r.bestEpoch >= 1 ? (value(r) ?? .nan) : .nan
                return Series(name: "", x: [Double(Swift.max(1, r.bestEpoch))], y: [y], dotsOnly: true, color: i, dotSize: 1.6)
            }
        }
        let rates = Panel(title: "learning rate lr(t)", xLabel: "epoch", yLabel: "learning rate",
                          series: runs.enumerated().map { i, r in Series(name: r.label, x: r.learningRates.indices.map { Double($0 + 1) / perEpoch }, y: r.learningRates, color: i) }
                            + best { r in
                                let step = Int((Double(r.bestEpoch) * perEpoch).rounded()) - 1
                                return r.learningRates.indices.contains(step) ? r.learningRates[step] : nil
                            },
                          markers: false, yFrom: 0)
        let loss = Panel(title: "validation loss", xLabel: "epoch", yLabel: "loss",
                         series: runs.enumerated().map { i, r in Series(name: r.label, x: r.epochs.map { Double($0.epoch) }, y: r.epochs.compactMap(\.validationLoss), color: i) }
                            + best { $0.epochs[$0.bestEpoch - 1].validationLoss },
                         logY: true, markers: false)
        let accuracy = Panel(title: "validation accuracy", xLabel: "epoch", yLabel: "accuracy",
                             series: runs.enumerated().map { i, r in Series(name: r.label, x: r.epochs.map { Double($0.epoch) }, y: r.epochs.compactMap(\.validationAccuracy), color: i) }
                                + best { $0.epochs[$0.bestEpoch - 1].validationAccuracy },
                             markers: false)
        return LinePlot(title: "Learning-rate schedules from the same initialization and minibatch order\ndot: the best validation epoch, whose checkpoint is restored",
                        panels: [rates, loss, accuracy], key: .outside)
    }

    /// Figure 6: gradient noise against B, the loss curves at a fixed number of examples seen,
    /// loss noise and final accuracy against B.
    var batches: LinePlot {
        var noiseSeries: [Series] = []
        for (i, n) in result.noise.enumerated() {
            let points = n.points.filter { $0.batchSize < n.exampleCount }
            noiseSeries.append(Series(name: n.state.hasPrefix("at init") ? "at init" : "trained", x: points.map { Double($0.batchSize) }, y: points.map(\.measured), dotsOnly: true, color: i, dotSize: 1.2))
            // The prediction's formula is in the title: one legend entry per state.
            noiseSeries.append(Series(name: "", x: points.map { Double($0.batchSize) }, y: points.map(\.predicted), color: i, dashed: true))
        }
        let noise = Panel(title: "E‖g_B − G‖² (dots)\ndashed: predicted", xLabel: "batch size B", yLabel: "‖g_B − G‖²",
                          series: noiseSeries, logY: true, markers: false, logX: true, note: "B = N: 0 (not drawn)")
        // The smallest and the largest batch only: four noisy curves on one axis hide each other.
        let scaled = result.batches.filter(\.scaled)
        let shown = [scaled.first, scaled.count > 1 ? scaled.last : nil].compactMap { $0 }
        let curves = Panel(title: "minibatch loss, linear lr scaling", xLabel: "examples seen (thousands)", yLabel: "loss",
                           series: shown.enumerated().map { i, b in Series(name: "B \(b.batchSize), lr \(BabysitFindings.f(b.learningRate, 2))", x: b.examplesSeen.map { Double($0) / 1000 }, y: b.stepLosses, color: i == 0 ? 0 : 4) },
                           logY: true, markers: false)
        func byB(_ scaledOnes: Bool, _ value: (BatchRun) -> Double) -> Series {
            let runs = result.batches.filter { $0.scaled == scaledOnes }
            return Series(name: scaledOnes ? "lr × B/B₀" : "same lr", x: runs.map { Double($0.batchSize) }, y: runs.map(value), color: scaledOnes ? 0 : 1, dashed: !scaledOnes)
        }
        let noiseOfLoss = Panel(title: "loss noise in the last epoch", xLabel: "batch size B", yLabel: "relative std of loss",
                                series: [byB(true, \.lossNoise), byB(false, \.lossNoise)], logY: true, logX: true)
        var final = Panel(title: "final validation accuracy", xLabel: "batch size B", yLabel: "accuracy",
                          series: [byB(true, \.finalValidationAccuracy), byB(false, \.finalValidationAccuracy)], logX: true)
        // Zoomed on the accuracies: on 0…1 the few points of difference between batch sizes vanish.
        let accuracies = result.batches.map(\.finalValidationAccuracy).filter(\.isFinite)
        let bottom = Swift.max(0, ((accuracies.min() ?? 0) - 0.02) * 50).rounded(.down) / 50
        final.yRange = bottom...1.0
        return LinePlot(title: "Batch size and gradient noise, at the same \(result.configuration.epochs) epochs of examples; left: \(result.noise.first?.draws ?? 0) draws per B, "
                            + "predicted tr Σ/B · (N−B)/(N−1), at init and after training (good run)", panels: [noise, curves, noiseOfLoss, final], key: .below)
    }
}
