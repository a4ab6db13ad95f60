import Foundation
import NNEngine
import NNRender

/// Figure 3's four figures: training and the sweep, initialization, activations, test time.
extension NormalizeLabFigures {
    var netName: String {
        let c = result.configuration
        return "\(c.depth) × \(c.width) \(c.activation)"
    }

    /// A legend's note for a run that diverged: " (diverged at step N)".
    static func ending(_ curve: NetCurve) -> String {
        curve.end.divergedAtStep.map { " (loss \(curve.end.divergedLoss ?? "NaN") at step \($0))" } ?? ""
    }

    /// Convergence (loss and accuracy against epochs) and the sweep (final accuracy against lr).
    var training: LinePlot {
        let b = result.batchNorm
        let c = result.configuration
        let names = ["no batch norm", "batch norm"]
        func curves(_ value: (NetCurve) -> [Double]) -> [LinePlot.Series] {
            b.convergence.enumerated().map { k, curve in
                .init(name: names[k] + Self.ending(curve), x: curve.epochs.map(Double.init), y: value(curve), color: k)
            }
        }
        var sweepSeries: [LinePlot.Series] = []
        var diverged: [String] = []
        for (k, curves) in [b.sweep.plain, b.sweep.batchNorm].enumerated() {
            // A diverged net's point is its last completed epoch's accuracy, or chance (0.1) if none:
            // drawn as a cross-less dot series of its own, so the divergence is a visible result.
            sweepSeries.append(.init(name: names[k], x: curves.map(\.learningRate),
                                     y: curves.map { $0.end.divergedAtStep == nil ? ($0.finalValidationAccuracy ?? .nan) : .nan }, color: k))
            let broken = curves.filter { $0.end.divergedAtStep != nil }
            if !broken.isEmpty {
                sweepSeries.append(.init(name: "\(names[k]): diverged", x: broken.map(\.learningRate),
                                         y: broken.map { $0.finalValidationAccuracy ?? 0.1 }, dotsOnly: true, color: k, dotSize: 2))
                diverged += broken.map { "\(names[k]) at lr \(F.short($0.learningRate)): \($0.end.divergedLoss ?? "NaN") at step \($0.end.divergedAtStep!)" }
            }
        }
        sweepSeries.append(.init(name: "target \(F.percent(c.targetAccuracy))", x: [c.sweepRates.first!, c.sweepRates.last!],
                                 y: [c.targetAccuracy, c.targetAccuracy], color: 6, dashed: true))
        return LinePlot(title: "\(netName) nets on the digits, \(c.optimizerConfiguration), batch \(c.batchSize), seed \(c.seed)", panels: [
            LinePlot.Panel(title: "training loss", xLabel: "epoch", yLabel: "cross-entropy", series: curves(\.trainLoss),
                           logY: true, markers: false),
            LinePlot.Panel(title: "validation accuracy", xLabel: "epoch", yLabel: "accuracy", series: curves(\.validationAccuracy),
                           markers: false, yFrom: 0),
            LinePlot.Panel(title: "lr sweep, \(c.sweepEpochs) epochs each\nhighest lr ≥ \(F.percent(c.targetAccuracy)): \(F.rate(b.sweep.highestTolerated)) / \(F.rate(b.sweep.highestToleratedWithBatchNorm)) (BN)",
                           xLabel: "learning rate", yLabel: "accuracy", series: sweepSeries, logX: true, yFrom: 0,
                           note: diverged.isEmpty ? "no run diverged" : "diverged: " + diverged.joined(separator: "; ")),
        ], key: .below)
    }

    /// Validation accuracy against epochs for every initialization scheme, without (dashed) and
    /// with batch norm, in one panel so that both share the 0–1 axis.
    var initialization: LinePlot {
        let curves = result.batchNorm.initialization
        var series: [LinePlot.Series] = []
        for (k, scheme) in DeepNet.InitScheme.allCases.enumerated() {
            for bn in [true, false] {
                guard let curve = curves.first(where: { $0.scheme == scheme && $0.batchNorm == bn }) else { continue }
                series.append(.init(name: "\(scheme.title), \(bn ? "batch norm" : "no batch norm"): \(F.percent(curve.finalValidationAccuracy))" + Self.ending(curve),
                                    x: curve.epochs.map(Double.init), y: curve.validationAccuracy, color: k, dashed: !bn))
            }
        }
        let c = result.configuration
        return LinePlot(title: "\(netName) nets from the init study's schemes, lr \(F.short(c.learningRate)), seed \(c.seed): solid with batch norm, dashed without",
                        panels: [LinePlot.Panel(title: "validation accuracy (final value in the legend)", xLabel: "epoch", yLabel: "validation accuracy",
                                                series: series, markers: true, yFrom: 0)], key: .outside)
    }

    /// The layers shown in the activation figure: the first, the last and two between, so
    /// that a row of four panels reads on a slide (all of them are in the JSON).
    static func shownLayers(_ depth: Int) -> [Int] {
        guard depth > 4 else { return Array(0..<depth) }
        return Array(Set([0, (depth - 1) / 3, 2 * (depth - 1) / 3, depth - 1])).sorted()
    }

    /// The histograms at the last snapshot, without then with batch norm, for four layers;
    /// each panel's unit std at epoch 0 and at the end.
    var activations: HistogramGrid {
        let (plain, normalized) = findings.lastSnapshots
        let first = result.batchNorm.activations.filter { $0.epoch == 0 }
        let c = result.configuration
        let layers = Self.shownLayers(c.depth)
        var panels: [HistogramGrid.Panel] = []
        for (name, start, end) in [("no BN", first.first { !$0.batchNorm }!, plain), ("BN", first.first(where: \.batchNorm)!, normalized)] {
            for l in layers where end.histograms.indices.contains(l) {
                panels.append(.init(title: "\(name), layer \(l + 1)\nstd \(F.short(start.unitStd[l])) → \(F.short(end.unitStd[l]))",
                                    histogram: end.histograms[l]))
            }
        }
        return HistogramGrid(title: "\(netName) nets' \(c.activation) outputs on the validation digits at epoch \(plain.epoch): top without, bottom with batch norm\n"
                                + "std: a unit's std across the digits (mean over units), epoch 0 → \(plain.epoch)",
                             xLabel: "", panels: panels, columns: layers.count,
                             xRange: c.activation == .sigmoid ? 0...1 : -1...1, sharedY: true)
    }

    /// Training-mode accuracy against the evaluation batch size, and the running estimates.
    var testTime: LinePlot {
        let s = result.batchNorm.statistics
        let sizes = s.batchSizes.map(Double.init)
        let layers = s.runningVarianceRatio.indices.map { Double($0 + 1) }
        return LinePlot(title: "The batch-norm net at test time (validation digits, best-validation epoch)", panels: [
            LinePlot.Panel(title: "training mode: each batch's own statistics\nbatch of 2: \(F.percent(s.trainModeAccuracy.first!)); running statistics: \(F.percent(s.inferenceAccuracy))",
                           xLabel: "evaluation batch size", yLabel: "validation accuracy", series: [
                .init(name: "training mode", x: sizes, y: s.trainModeAccuracy),
                .init(name: "running statistics", x: sizes, y: sizes.map { _ in s.inferenceAccuracy }, dashed: true),
                .init(name: "deck's average", x: sizes, y: sizes.map { _ in s.deckEstimateAccuracy }, dashed: true),
                .init(name: "whole set, one batch", x: sizes, y: sizes.map { _ in s.wholeSetTrainModeAccuracy }, dashed: true),
            ], logX: true, yFrom: 0),
            LinePlot.Panel(title: "training-time estimates ÷ test-time statistics\n(training digits, earlier layers in inference mode)",
                           xLabel: "batch-norm layer", yLabel: "mean over units", series: [
                .init(name: "running var ÷ var", x: layers, y: s.runningVarianceRatio),
                .init(name: "deck's var ÷ var", x: layers, y: s.deckVarianceRatio),
                .init(name: "|mean offset| ÷ std", x: layers, y: s.runningMeanOffset),
            ], yFrom: 0),
        ], key: .below)
    }
}
