import Foundation
import NNEngine
import NNRender

/// The lab's figures, built from the computed values (the quadratics' in `RegularizeFigures+Quadratics`).
struct RegularizeFigures {
    var result: RegularizeResult
    var findings: RegularizeFindings
    typealias F = RegularizeFindings

    var divergenceNote: String {
        result.divergences.isEmpty ? "" : "\n\(result.divergences.count) of \(result.trainedNets) nets diverged (loss NaN or ∞): drawn from their best epoch before it"
    }

    func classMap(_ title: String, _ maps: [DecisionMap]) -> ClassMapPlot {
        let p = result.capacityPoints
        let points = (0..<p.labels.count).map { (x: p.x[$0], y: p.y[$0], label: p.labels[$0]) }
        return ClassMapPlot(title: title + divergenceNote, classCount: 3, panels: maps.map {
            ClassMapPlot.Panel(title: "\($0.name)\(($0.diverged ? " (diverged)" : ""))\ntrain \(F.percent($0.trainAccuracy)), test \(F.percent($0.testAccuracy))",
                               xs: DecisionMap.axis, ys: DecisionMap.axis, classes: $0.classes, points: points)
        })
    }

    /// Figure 1: capacity by width.
    var capacity: ClassMapPlot {
        classMap("More hidden units, more capacity: one ReLU layer on the spiral, no penalty (seed \(result.configuration.seed))", findings.widths)
    }

    /// Figure 1b: the widest net at growing λ.
    var capacityLambda: ClassMapPlot {
        classMap("Regularization instead of a smaller net: \(findings.penalized.first?.hiddenUnits ?? 0) units, L2 penalty ½λ‖W‖²", findings.penalized)
    }

    /// Figure 2: validation accuracy and zeros against λ; max-norm.
    var penalties: LinePlot {
        let c = result.configuration
        let lambdas = c.lambdas
        let base = result.baseline
        func series(_ value: (PenaltyRun) -> Double) -> [LinePlot.Series] {
            PenaltyKind.allCases.enumerated().map { k, kind in
                let runs = lambdas.compactMap { findings.run(kind, $0) }
                return LinePlot.Series(name: kind.title, x: runs.map(\.lambda), y: runs.map(value), color: k)
            }
        }
        let accuracy = series(\.validationAccuracy) + [LinePlot.Series(name: "", x: [lambdas.min()!, lambdas.max()!],
                                                                        y: [base.validationAccuracy, base.validationAccuracy], color: 4, dashed: true)]
        let zeros = series(\.nearZeroFraction) + PenaltyKind.allCases.enumerated().map { k, kind in
            let runs = lambdas.compactMap { findings.run(kind, $0) }
            // No legend entry: the colour is the penalty's, and the title says what dashed means.
            return LinePlot.Series(name: "", x: runs.map(\.lambda), y: runs.map(\.exactZeroFraction), color: k, dashed: true)
        }
        let m = result.maxNorms
        return LinePlot(title: "Weight penalties on \(c.trainCount) digits (64-\(c.hidden.map(String.init).joined(separator: "-"))-10 ReLU, SGD lr \(c.learningRate), \(c.epochs) epochs, seed \(c.seed))" + divergenceNote,
                        panels: [
                            LinePlot.Panel(title: "final validation accuracy\n(dashed: no penalty)", xLabel: "λ", yLabel: "validation accuracy",
                                           series: accuracy, logX: true),
                            LinePlot.Panel(title: "fraction of weights: |w| < 1e-3\n(solid), exactly 0 (dashed)", xLabel: "λ",
                                           yLabel: "fraction of weights", series: zeros, logX: true, yFrom: 0),
                            LinePlot.Panel(title: "max-norm ‖w_unit‖₂ ≤ c (λ = 0)\nno constraint: max \(F.short(base.largestUnitNorm))", xLabel: "c", yLabel: "validation accuracy", series: [
                                .init(name: "max-norm c", x: m.compactMap(\.maxNorm), y: m.map(\.validationAccuracy)),
                                .init(name: "no constraint", x: [m.compactMap(\.maxNorm).min()!, m.compactMap(\.maxNorm).max()!],
                                      y: [base.validationAccuracy, base.validationAccuracy], dashed: true),
                            ], logX: true),
                        ], key: .below)
    }

    /// Figure 2b: the weights' histograms at the histogram λ, the five runs in one row across a
    /// slide (a 2×3 grid left its sixth slot empty); each panel's title in lines short enough for
    /// a fifth of the slide's width.
    var histograms: any Figure {
        let lambda = result.configuration.histogramLambda
        let runs: [(String, PenaltyRun)] = [("no penalty", result.baseline)]
            + PenaltyKind.allCases.compactMap { k in findings.run(k, lambda).map { (k.title, $0) } }
        let grid = HistogramGrid(title: "Every weight of the digits net at λ = \(lambda) (bins of width \(F.short(2 * PenaltyRun.histogramRange / 81)); a bar that dwarfs the rest is cut, its height written beside it)" + divergenceNote,
                                 xLabel: "weight", panels: runs.map { name, run in
            HistogramGrid.Panel(title: "\(name)\n|w| < 1e-3: \(F.percent(run.nearZeroFraction))\nw = 0: \(F.percent(run.exactZeroFraction))\nvalidation \(F.percent(run.validationAccuracy))",
                                histogram: run.histogram)
        }, columns: runs.count, sharedY: true, sharedX: true)
        return SlideStrip(figure: grid, size: FigureSize(width: 1920, height: 800))
    }

    /// Figure 3: bias², variance and error against degree and against training-set size.
    var biasVariance: LinePlot {
        let b = result.biasVariance
        let d = b.byDegree
        let x = d.map { Double($0.degree) }
        var bySize: [LinePlot.Series] = []
        for (k, degree) in b.sizeDegrees.enumerated() {
            let points = b.bySize.filter { $0.degree == degree }
            let n = points.map { Double($0.trainPoints) }
            bySize += [LinePlot.Series(name: "d = \(degree): test", x: n, y: points.map(\.testError), color: 2 * k),
                       LinePlot.Series(name: "d = \(degree): bias²", x: n, y: points.map(\.biasSquared), color: 2 * k, dashed: true),
                       LinePlot.Series(name: "d = \(degree): var.", x: n, y: points.map(\.variance), color: 2 * k + 1, dashed: true)]
        }
        bySize.append(LinePlot.Series(name: "noise σ²", x: [Double(b.bySize.first!.trainPoints), Double(b.bySize.last!.trainPoints)],
                                      y: [b.sigma * b.sigma, b.sigma * b.sigma], color: 4, dashed: true))
        return LinePlot(title: "Bias and variance: Legendre polynomial least squares to y = sin(πx) + N(0, \(b.sigma)²), \(b.draws) training sets per point, seed \(result.configuration.seed)",
                        panels: [
                            LinePlot.Panel(title: "\(d.first!.trainPoints) training points\nleast error at degree \(b.bestDegree)",
                                           xLabel: "polynomial degree (capacity)", yLabel: "mean squared error", series: [
                                .init(name: "test error", x: x, y: d.map(\.testError)),
                                .init(name: "bias² + var. + σ²", x: x, y: d.map { $0.biasSquared + $0.variance + $0.noise }, dotsOnly: true, dotSize: 1.4),
                                .init(name: "bias²", x: x, y: d.map(\.biasSquared)),
                                .init(name: "variance", x: x, y: d.map(\.variance)),
                                .init(name: "train error", x: x, y: d.map(\.trainError), dashed: true),
                                .init(name: "noise σ²", x: [x.first!, x.last!], y: [b.sigma * b.sigma, b.sigma * b.sigma], dashed: true),
                            ], logY: true),
                            LinePlot.Panel(title: "more data, degree d:\nvariance falls, bias stays", xLabel: "training points n", yLabel: "",
                                           series: bySize, logY: true, logX: true),
                        ], key: .outside)
    }

    /// Figure 4c: confidence histograms with and without label smoothing.
    var smoothing: HistogramGrid {
        let s = result.smoothing
        return HistogramGrid(title: "Label smoothing: largest softmax probability on the \(result.smoothing.sides[0].confidence.total / result.configuration.seeds) test digits (\(result.configuration.seeds) seeds pooled)" + divergenceNote,
                             xLabel: "confidence (largest softmax probability)", panels: zip(s.sides, s.accuracy.variants).map { side, v in
            HistogramGrid.Panel(title: (side.epsilon == 0 ? "one-hot targets" : "smoothed targets, ε = \(side.epsilon) (optimum at 1 − ε)")
                                    + "\nmean confidence \(F.percent(side.meanConfidence)), test CE \(F.short(side.testLoss))\nvalidation \(F.percent(v.meanValidation)) ± \(String(format: "%.1f", 100 * v.spread))",
                                histogram: side.confidence)
        }, columns: 2, logY: true, xRange: 0...1, sharedY: true)
    }

    /// Figure 4d: validation accuracy per seed for each augmentation.
    var augmentation: LinePlot {
        let a = result.augmentation
        let seeds = (0..<a.variants[0].validationAccuracy.count).map(Double.init)
        return LinePlot(title: "Input noise and augmentation on \(result.configuration.trainCount) training digits (same initial weights per seed; about the same number of SGD steps)" + divergenceNote,
                        panels: [LinePlot.Panel(title: "validation accuracy at the end of training, per seed", xLabel: "seed index",
                                                yLabel: "validation accuracy", series: a.variants.map { v in
            LinePlot.Series(name: "\(v.name): \(F.percent(v.meanValidation)) ± \(String(format: "%.1f", 100 * v.spread))"
                                + (v.name == a.variants[0].name ? "" : ", paired gain \(F.points(v.pairedGain)) ± \(String(format: "%.1f", 100 * v.pairedStandardError))"),
                            x: seeds, y: v.validationAccuracy)
        })], key: .below)
    }
}
