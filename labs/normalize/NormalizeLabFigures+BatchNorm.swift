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
            LinePlot.Panel(title: "training loss (whole training set)", xLabel: "epoch", yLabel: "cross-entropy", series: curves(\.trainLoss),
                           logY: true, markers: false),
            LinePlot.Panel(title: "validation accuracy", xLabel: "epoch", yLabel: "accuracy", series: curves(\.validationAccuracy),
                           markers: false, yFrom: 0),
            LinePlot.Panel(title: "learning-rate sweep, \(c.sweepEpochs) epochs each: final validation accuracy\nhighest lr reaching \(F.percent(c.targetAccuracy)): \(F.rate(b.sweep.highestTolerated)) without, \(F.rate(b.sweep.highestToleratedWithBatchNorm)) with batch norm",
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

    /// Per-layer std and saturation at each snapshot, and the histograms at the last one.
    var activations: HistogramGrid {
        let (plain, normalized) = findings.lastSnapshots
        let first = result.batchNorm.activations.filter { $0.epoch == 0 }
        var panels: [HistogramGrid.Panel] = []
        for (name, snapshots) in [("no BN", first.first { !$0.batchNorm }!, plain), ("BN", first.first(where: \.batchNorm)!, normalized)]
            .map({ ($0.0, [$0.1, $0.2]) }) {
            for snapshot in snapshots {
                for l in snapshot.histograms.indices {
                    panels.append(.init(title: "\(name), epoch \(snapshot.epoch), layer \(l + 1)\nunit std \(F.short(snapshot.unitStd[l]))",
                                        histogram: snapshot.histograms[l]))
                }
            }
        }
        let c = result.configuration
        return HistogramGrid(title: "\(netName) hidden activations on the validation digits (training-mode forward), at epoch 0 and \(plain.epoch): rows without, then with batch norm; unit std: a unit's std across the digits, averaged over units",
                             xLabel: "\(c.activation) output", panels: panels, columns: c.depth,
                             xRange: c.activation == .sigmoid ? 0...1 : -1...1, sharedY: true)
    }

    /// Training-mode accuracy against the evaluation batch size, and the running estimates.
    var testTime: LinePlot {
        let s = result.batchNorm.statistics
        let sizes = s.batchSizes.map(Double.init)
        let layers = s.runningVarianceRatio.indices.map { Double($0 + 1) }
        return LinePlot(title: "The batch-norm net at test time (validation digits, best-validation epoch)", panels: [
            LinePlot.Panel(title: "training mode normalizes each example with its batch's statistics\nbatch of 2: \(F.percent(s.trainModeAccuracy.first!)); running statistics: \(F.percent(s.inferenceAccuracy))",
                           xLabel: "evaluation batch size (training mode)", yLabel: "validation accuracy", series: [
                .init(name: "training mode, batch statistics", x: sizes, y: s.trainModeAccuracy),
                .init(name: "inference mode, running statistics (momentum 0.9)", x: sizes, y: sizes.map { _ in s.inferenceAccuracy }, dashed: true),
                .init(name: "inference mode, the deck's average over all training batches", x: sizes, y: sizes.map { _ in s.deckEstimateAccuracy }, dashed: true),
                .init(name: "training mode, the whole set as one batch", x: sizes, y: sizes.map { _ in s.wholeSetTrainModeAccuracy }, dashed: true),
            ], logX: true, yFrom: 0),
            LinePlot.Panel(title: "training-time estimates against what each layer sees at test time\n(training digits, earlier layers in inference mode)",
                           xLabel: "batch-norm layer", yLabel: "mean over units", series: [
                .init(name: "running var / population var", x: layers, y: s.runningVarianceRatio),
                .init(name: "deck estimate's var / population var", x: layers, y: s.deckVarianceRatio),
                .init(name: "|running mean − population mean| / population std", x: layers, y: s.runningMeanOffset),
            ], yFrom: 0),
        ], key: .below)
    }
}
