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

    /// Figure 1: initial loss against λ, and the 20-example runs.
    var sanity: LinePlot {
        let s = result.sanity
        let lambdas = SanityChecks.lambdas
        var initial = Panel(title: "initial loss against λ (L2, ½λΣ‖W‖²)", xLabel: "λ", yLabel: "initial loss (data + regularization)",
                            series: s.initialLosses.enumerated().map { Series(name: "\($1.setup)", x: lambdas, y: $1.totalLoss, color: $0) }
                                + [Self.level("log C = \(BabysitFindings.f(s.logC, 4))", s.logC, from: lambdas.first!, to: lambdas.last!)],
                            logY: true, logX: true,
                            note: "λ = 0: " + s.initialLosses.map { "\(BabysitFindings.f($0.dataLoss, 4))" }.joined(separator: " and "))
        // A decade of room under the lowest value, so that the λ = 0 note in the lower corner
        // sits below the curves and the log C line instead of over them.
        let initialValues = (s.initialLosses.flatMap(\.totalLoss) + [s.logC]).filter { $0.isFinite && $0 > 0 }
        if let low = initialValues.min(), let high = initialValues.max() {
            initial.yRange = pow(10, log10(low).rounded(.down) - 1)...pow(10, Swift.max(log10(high).rounded(.up), log10(low).rounded(.down) + 1))
        }
        func epochs(_ n: Int) -> [Double] { (1...Swift.max(1, n)).map(Double.init).prefix(n).map { $0 } }
        let accuracy = Panel(title: "overfit \(SanityChecks.sampleSize) examples, no regularization", xLabel: "epoch (full batch)",
                             yLabel: "training accuracy",
                             series: s.overfits.enumerated().map { Series(name: $1.setup, x: epochs($1.trainAccuracy.count), y: $1.trainAccuracy, color: $0) },
                             markers: false, note: s.overfits.compactMap { o in
                                 if case let .diverged(step, _) = o.outcome { return "\(o.setup): NaN at step \(step)" }
                                 return nil
                             }.first)
        var accuracyPanel = accuracy
        accuracyPanel.yRange = 0...1.05
        // A loss of exactly 0 (the broken net's huge scores round the true class's probability to
        // 1) has no place on a log axis: drawn at the axis floor, and said so, instead of leaving
        // gaps in the curve. The JSON keeps the losses as computed.
        let floor = 1e-6
        let floored = s.overfits.contains { $0.trainLoss.contains { $0 < floor } }
        let loss = Panel(title: "training loss on the \(SanityChecks.sampleSize) examples" + (floored ? " (below 1e-6, e.g. exactly 0: drawn at 1e-6)" : ""), xLabel: "epoch (full batch)", yLabel: "loss",
                         series: s.overfits.enumerated().map { Series(name: $1.setup, x: epochs($1.trainLoss.count),
                                                                      y: $1.trainLoss.map { $0.isNaN ? $0 : Swift.max($0, floor) }, color: $0) },
                         logY: true, markers: false)
        var lossPanel = loss
        lossPanel.yRange = floor...1e4
        return LinePlot(title: "Sanity checks before training: loss at init, and overfitting a tiny sample", panels: [initial, accuracyPanel, lossPanel], key: .below)
    }

    /// Figure 2: the learning-rate finder for each optimizer, regions marked.
    var finder: LinePlot {
        let panels = result.finders.map { x -> Panel in
            let start = x.smoothed.first ?? 1
            let top = LearningRateFinder.explosion * start
            var series = [Series(name: "minibatch loss", x: x.learningRates, y: x.losses, dotsOnly: true, color: 6, dotSize: 0.4),
                          Series(name: "smoothed (EMA 0.9)", x: x.learningRates, y: x.smoothed, color: 0)]
            if let low = x.tooLowBelow { series.append(Self.vertical("too low | good (\(BabysitFindings.f(low, 2)))", low, from: 0, to: top, color: 2)) }
            if let high = x.tooHighFrom { series.append(Self.vertical("good | too high (\(BabysitFindings.f(high, 2)))", high, from: 0, to: top, color: 1)) }
            series.append(Series(name: "suggested: min/10 = \(BabysitFindings.f(x.suggested, 2))", x: [x.suggested], y: [x.smoothed[x.learningRates.firstIndex { $0 >= x.suggested } ?? 0]],
                                 dotsOnly: true, color: 4, dotSize: 2))
            var panel = Panel(title: "\(x.optimizer)", xLabel: "learning rate (one step each, log scale)", yLabel: "minibatch loss",
                              series: series, markers: false, logX: true,
                              note: x.diverged ? "loss NaN/∞ at lr \(BabysitFindings.f(x.learningRates.last.map { $0 } ?? .nan, 2)): sweep stopped" : "sweep stopped when smoothed loss > \(Int(LearningRateFinder.explosion))× its start")
            panel.yRange = 0...top
            return panel
        }
        return LinePlot(title: "Learning-rate finder: one run, lr ×\(BabysitFindings.f(pow(result.configuration.finderRange.upperBound / result.configuration.finderRange.lowerBound, 1 / Double(result.configuration.finderSteps - 1)), 3)) every step; too low | good | too high from the measured curve",
                        panels: panels, key: .below)
    }

    /// Figure 3: one column per run, loss on top, accuracies below, all on the same axes.
    var curves: LinePlot {
        let logC = result.sanity.logC
        let epochsMax = Double(result.configuration.epochs)
        var top: [Panel] = [], bottom: [Panel] = []
        for c in result.curves {
            let x = c.stepLosses.indices.map { Double($0 + 1) / Double(c.stepsPerEpoch) }
            var loss = Panel(title: c.title, xLabel: "epoch", yLabel: "loss",
                             series: [Series(name: "minibatch loss", x: x, y: c.stepLosses, color: 6),
                                      Series(name: "moving average (1 epoch)", x: x, y: c.movingAverage, color: 0)],
                             markers: false, note: c.divergedAtStep.map { "NaN at step \($0): drawn until then" })
            loss.yRange = 0...(2 * logC)
            var accuracy = Panel(title: "lr \(BabysitFindings.f(c.learningRate, 2)), λ \(BabysitFindings.f(c.lambda, 2)), \(c.trainCount) train",
                                 xLabel: "epoch", yLabel: "accuracy",
                                 series: [Series(name: "train accuracy", x: c.epochs.map { Double($0.epoch) }, y: c.epochs.map(\.trainAccuracy), color: 2),
                                          Series(name: "validation accuracy", x: c.epochs.map { Double($0.epoch) }, y: c.epochs.compactMap(\.validationAccuracy), color: 1, dashed: true)],
                                 markers: false)
            accuracy.yRange = 0...1.02
            if c.epochs.isEmpty { accuracy.series = [Series(name: "train accuracy", x: [epochsMax], y: [Double.nan], color: 2)] }
            top.append(loss)
            bottom.append(accuracy)
        }
        return LinePlot(title: "Loss curves to learn to read (same axes; loss clipped at 2 log C)", panels: top + bottom, key: .below, columns: top.count)
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
                HistogramGrid.Panel(title: "layer \(l + 1), epoch \(p.epoch)" + (gradients ? ", std \(BabysitFindings.f(p.gradientStds[l], 2))" : ": \(p.deadUnits[l]) of \(p.units[l]) dead"),
                                    histogram: gradients ? p.gradientHistograms[l] : p.activationHistograms[l])
            }
        }
        return HistogramGrid(title: gradients ? "Gradients ∂L/∂h at each hidden ReLU layer, \(BabysitLab.probeCount) validation digits"
                                 : "ReLU activations, good run (dead: 0 on all \(BabysitLab.probeCount) probe digits); dead at the end: \(deadAtEnd)",
                             xLabel: gradients ? "∂L/∂h (×\(BabysitFindings.f(result.inside.gradientUnit, 1)))" : "h", panels: panels, columns: probes.count, logY: false,
                             sharedY: true, sharedX: true)
    }

    /// Figure 4d: the first layer's weights as 8×8 images, blue negative, red positive.
    var weights: ImagePanels {
        let inside = result.inside
        let side = inside.imageSide ?? 1
        let shown = Swift.min(10, inside.firstLayerInitial.count)
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
            return [ImagePanels.Panel(title: "unit \(u + 1): init", image: image(w0)),
                    ImagePanels.Panel(title: "unit \(u + 1): end", image: image(w1)),
                    ImagePanels.Panel(title: "end − init", image: image(zip(w1, w0).map { $0 - $1 }))]
        }
        return ImagePanels(title: "First-layer weights as 8×8 images (red +, blue −, each to its own max |w|)",
                           columns: columns)
    }

    /// Figure 5: lr(t), validation loss and accuracy per schedule, early stopping marked.
    var schedules: LinePlot {
        let runs = result.schedules
        let perEpoch = Double(result.curves.first?.stepsPerEpoch ?? 1)
        let rates = Panel(title: "learning rate lr(t)", xLabel: "epoch", yLabel: "learning rate",
                          series: runs.enumerated().map { i, r in Series(name: r.label, x: r.learningRates.indices.map { Double($0 + 1) / perEpoch }, y: r.learningRates, color: i) },
                          markers: false, yFrom: 0)
        let loss = Panel(title: "validation loss", xLabel: "epoch", yLabel: "loss",
                         series: runs.enumerated().map { i, r in Series(name: r.label, x: r.epochs.map { Double($0.epoch) }, y: r.epochs.compactMap(\.validationLoss), color: i) },
                         logY: true, markers: false)
        let accuracy = Panel(title: "validation accuracy; dot: best epoch, its checkpoint restored", xLabel: "epoch", yLabel: "accuracy",
                             series: runs.enumerated().map { i, r in Series(name: r.label, x: r.epochs.map { Double($0.epoch) }, y: r.epochs.compactMap(\.validationAccuracy), color: i) }
                                + runs.enumerated().compactMap { i, r in
                                    guard r.bestEpoch >= 1 else { return nil }
                                    return Series(name: "", x: [Double(r.bestEpoch)], y: [r.epochs[r.bestEpoch - 1].validationAccuracy ?? .nan], dotsOnly: true, color: i, dotSize: 1.6)
                                },
                             markers: false)
        return LinePlot(title: "Learning-rate schedules from the same initialization and minibatch order", panels: [rates, loss, accuracy], key: .below)
    }

    /// Figure 6: gradient noise against B, the loss curves at a fixed number of examples seen,
    /// loss noise and final accuracy against B.
    var batches: LinePlot {
        var noiseSeries: [Series] = []
        for (i, n) in result.noise.enumerated() {
            let points = n.points.filter { $0.batchSize < n.exampleCount }
            noiseSeries.append(Series(name: "measured, \(n.state)", x: points.map { Double($0.batchSize) }, y: points.map(\.measured), dotsOnly: true, color: i, dotSize: 1.2))
            noiseSeries.append(Series(name: "tr Σ/B · (N−B)/(N−1)", x: points.map { Double($0.batchSize) }, y: points.map(\.predicted), color: i, dashed: true))
        }
        let noise = Panel(title: "E‖g_B − G‖² (\(result.noise.first?.draws ?? 0) draws per B)", xLabel: "batch size B", yLabel: "squared distance to full gradient",
                          series: noiseSeries, logY: true, markers: false, logX: true, note: "B = N: 0 exactly (not drawn)")
        // The smallest and the largest batch only: four noisy curves on one axis hide each other.
        let scaled = result.batches.filter(\.scaled)
        let shown = [scaled.first, scaled.count > 1 ? scaled.last : nil].compactMap { $0 }
        let curves = Panel(title: "minibatch loss, linear lr scaling", xLabel: "examples seen", yLabel: "loss",
                           series: shown.enumerated().map { i, b in Series(name: "B = \(b.batchSize), lr \(BabysitFindings.f(b.learningRate, 2))", x: b.examplesSeen.map(Double.init), y: b.stepLosses, color: i == 0 ? 0 : 4) },
                           logY: true, markers: false)
        func byB(_ scaledOnes: Bool, _ value: (BatchRun) -> Double) -> Series {
            let runs = result.batches.filter { $0.scaled == scaledOnes }
            return Series(name: scaledOnes ? "lr × B/B₀" : "same lr", x: runs.map { Double($0.batchSize) }, y: runs.map(value), color: scaledOnes ? 0 : 1, dashed: !scaledOnes)
        }
        let noiseOfLoss = Panel(title: "loss noise in the last epoch", xLabel: "batch size B", yLabel: "relative std of minibatch loss",
                                series: [byB(true, \.lossNoise), byB(false, \.lossNoise)], logY: true, logX: true)
        var final = Panel(title: "final validation accuracy", xLabel: "batch size B", yLabel: "accuracy",
                          series: [byB(true, \.finalValidationAccuracy), byB(false, \.finalValidationAccuracy)], logX: true)
        // Zoomed on the accuracies: on 0…1 the few points of difference between batch sizes vanish.
        let accuracies = result.batches.map(\.finalValidationAccuracy).filter(\.isFinite)
        let bottom = Swift.max(0, ((accuracies.min() ?? 0) - 0.02) * 50).rounded(.down) / 50
        final.yRange = bottom...1.0
        return LinePlot(title: "Batch size and gradient noise, at the same \(result.configuration.epochs) epochs of examples", panels: [noise, curves, noiseOfLoss, final], key: .below, columns: 2)
    }
}
