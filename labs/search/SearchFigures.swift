import Foundation
import NNRender

/// The lab's line-plot figures, built from the computed values (the heat map is `SearchHeatMap`).
struct SearchFigures {
    var result: SearchResult
    var findings: SearchFindings

    private typealias F = SearchFindings

    /// Figure 1: where the grid and the random points fall, and the validation accuracy along each
    /// axis (the marginals): the grid sees the learning-rate curve at 3 points only.
    var gridVersusRandom: LinePlot {
        let g = result.gridVersusRandom
        let lr = "learning rate (log)", decay = "weight decay λ (log)"
        func dots(_ name: String, _ points: [TrialPoint], _ x: KeyPath<TrialPoint, Double>, _ y: KeyPath<TrialPoint, Double>, _ color: Int) -> LinePlot.Series {
            LinePlot.Series(name: name, x: points.map { $0[keyPath: x] }, y: points.map { $0[keyPath: y] }, dotsOnly: true, color: color, dotSize: 1.6)
        }
        var trialsPanel = LinePlot.Panel(title: "the trials in the search space", xLabel: lr, yLabel: decay,
                                         series: [dots("grid", g.grid, \.learningRate, \.weightDecay, 0), dots("random", g.random, \.learningRate, \.weightDecay, 1)],
                                         logY: true, logX: true)
        // The grid's corners lie on the range's edges: a fifth of a decade of room above and
        // below, so that their dots are not cut in half by the axes.
        let decays = (g.grid + g.random).map(\.weightDecay).filter { $0 > 0 }
        if let low = decays.min(), let high = decays.max() { trialsPanel.yRange = (low / pow(10, 0.2))...(high * pow(10, 0.2)) }
        let sortedRandom = g.random.sorted { $0.learningRate < $1.learningRate }
        return LinePlot(title: "Grid against random search when one parameter matters (\(g.grid.count) trials each)\n"
                            + "learning rates tried: grid \(g.gridDistinctLearningRates), random \(g.randomDistinctLearningRates); "
                            + "best: grid \(F.percent(g.gridBest.validationAccuracy)), random \(F.percent(g.randomBest.validationAccuracy))",
                        panels: [
            trialsPanel,
            LinePlot.Panel(title: "along the important axis\ngrid: \(g.grid.count) trials on \(g.gridDistinctLearningRates) rates", xLabel: lr, yLabel: "validation accuracy", series: [
                dots("grid trials", g.grid, \.learningRate, \.validationAccuracy, 0),
                LinePlot.Series(name: "grid: mean at each lr", x: g.gridMarginalLearningRate.map(\.value),
                                y: g.gridMarginalLearningRate.map(\.meanValidationAccuracy), color: 0, dashed: true),
                LinePlot.Series(name: "random trials", x: sortedRandom.map(\.learningRate), y: sortedRandom.map(\.validationAccuracy), color: 1),
            ], logX: true, yFrom: 0),
            LinePlot.Panel(title: "along the unimportant axis", xLabel: decay, yLabel: "validation accuracy", series: [
                dots("grid trials", g.grid, \.weightDecay, \.validationAccuracy, 0),
                dots("random trials", g.random, \.weightDecay, \.validationAccuracy, 1),
            ], logX: true, yFrom: 0),
        ], key: .below)
    }

    /// Figure 2: where log-uniform and uniform samples fall, and what each found.
    var sampling: LinePlot {
        let s = result.sampling
        let perDecade = "samples per lr decade (low → high): log-uniform \(s.logUniformPerDecade.map(String.init).joined(separator: "/")), "
            + "uniform \(s.uniformPerDecade.map(String.init).joined(separator: "/"))"
        func dots(_ name: String, _ points: [TrialPoint], _ y: KeyPath<TrialPoint, Double>, _ color: Int) -> LinePlot.Series {
            LinePlot.Series(name: name, x: points.map(\.learningRate), y: points.map { $0[keyPath: y] }, dotsOnly: true, color: color, dotSize: 1.6)
        }
        return LinePlot(title: "Sample learning rate and weight decay log-uniformly (\(s.uniform.count) trials each)\n\(perDecade)\n"
                            + "best: log-uniform \(F.percent(s.logUniformBest.validationAccuracy)), uniform \(F.percent(s.uniformBest.validationAccuracy))",
                        panels: [
            LinePlot.Panel(title: "the samples, lr \(s.learningRate) × λ \(s.weightDecay)", xLabel: "learning rate (log)", yLabel: "weight decay λ (log)",
                           series: [dots("log-uniform", s.logUniform, \.weightDecay, 0), dots("uniform", s.uniform, \.weightDecay, 1)],
                           logY: true, logX: true),
            LinePlot.Panel(title: "what each found", xLabel: "learning rate (log)", yLabel: "validation accuracy",
                           series: [dots("log-uniform", s.logUniform, \.validationAccuracy, 0), dots("uniform", s.uniform, \.validationAccuracy, 1)],
                           logX: true, yFrom: 0),
        ], key: .below)
    }

    /// Figure 4: each configuration's fold accuracies, their mean ± std, and its single-split accuracy.
    var crossValidation: LinePlot {
        let v = result.crossValidation
        let ranks = v.configurations.map { Double($0.singleSplitRank) }
        let folds = v.configurations.flatMap { c in c.foldAccuracies.map { _ in Double(c.singleSplitRank) } }
        // Non-breaking spaces inside each configuration: the title wraps between them, not inside one.
        let labels = v.configurations.map { "#\($0.singleSplitRank)\u{00A0}lr\u{00A0}\(F.short($0.learningRate))\u{00A0}λ\u{00A0}\(F.short($0.weightDecay))" }
        return LinePlot(title: "\(v.folds)-fold cross-validation of the \(v.configurations.count) best configurations against one validation split\n"
                            + "fold spread up to \(F.percent(v.largestFoldSpread)); single-split accuracies within \(F.percent(v.singleSplitGap)); "
                            + "the single split flatters them by \(String(format: "%+.1f", 100 * v.singleSplitOptimism)) points on average"
                            + (v.rankingChanged ? "; cross-validation changes the pick" : "; cross-validation keeps the pick"),
                        panels: [
            LinePlot.Panel(title: "configurations by single-split rank: " + labels.joined(separator: " · "),
                           xLabel: "rank on the single validation split", yLabel: "validation accuracy", series: [
                LinePlot.Series(name: "each held-out fold", x: folds, y: v.configurations.flatMap(\.foldAccuracies), dotsOnly: true, color: 2, dotSize: 1.4),
                LinePlot.Series(name: "mean over folds", x: ranks, y: v.configurations.map(\.mean), color: 0),
                LinePlot.Series(name: "mean + std", x: ranks, y: v.configurations.map { $0.mean + $0.standardDeviation }, color: 0, dashed: true),
                LinePlot.Series(name: "mean − std", x: ranks, y: v.configurations.map { $0.mean - $0.standardDeviation }, color: 0, dashed: true),
                LinePlot.Series(name: "the single split", x: ranks, y: v.configurations.map(\.singleSplitAccuracy), color: 1),
            ]),
        ], key: .outside)
    }

    /// Figure 5: test accuracy of the ensemble of the top k against k, with each member alone.
    var ensemble: LinePlot {
        let e = result.ensemble
        let ks = (1...e.members.count).map(Double.init)
        return LinePlot(title: "An ensemble of the top \(e.members.count) configurations against the best single one (\(e.testCount) test digits)\n"
                            + "best single \(F.percent(e.bestSingleTestAccuracy)), average member \(F.percent(e.meanMemberTestAccuracy)), ensemble \(F.percent(e.ensembleAccuracy.last ?? .nan))",
                        panels: [
            LinePlot.Panel(title: "probabilities averaged before the argmax", xLabel: "members k (the top k by validation accuracy)",
                           yLabel: "test accuracy", series: [
                LinePlot.Series(name: "ensemble of the top k", x: ks, y: e.ensembleAccuracy, color: 0),
                LinePlot.Series(name: "member k alone", x: ks, y: e.members.map(\.testAccuracy), dotsOnly: true, color: 1, dotSize: 1.6),
                LinePlot.Series(name: "best single configuration", x: ks, y: ks.map { _ in e.bestSingleTestAccuracy }, color: 2, dashed: true),
            ]),
        ], key: .outside)
    }
}
