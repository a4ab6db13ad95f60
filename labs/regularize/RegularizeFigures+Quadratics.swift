import Foundation
import NNEngine
import NNRender

extension RegularizeFigures {
    /// Figure 2c: the penalized minimum of a 2-D quadratic as λ grows, L2 and L1.
    var paths: LinePlot {
        let q = result.quadratic
        func levels(_ center: [Double], _ eigen: [Double], _ degrees: Double) -> [LinePlot.Series] {
            [0.02, 0.08, 0.2, 0.4].enumerated().map { k, level in
                let e = QuadraticPenalty.ellipse(center: center, eigen: eigen, degrees: degrees, level: level)
                return LinePlot.Series(name: k == 0 ? "levels of J" : "", x: e.x, y: e.y, color: 7)
            }
        }
        let l2 = q.l2Path, l1 = q.l1Path
        let lambdas = l2.map(\.lambda)
        return LinePlot(title: "The penalized minimum of J(w) = ½(w − w*)ᵀH(w − w*) as λ grows: closed form (lines) vs numerical minimum (dots), largest difference \(F.short(q.maxDiscrepancy))\n"
                            + "L2: w̃ = Q Λ(Λ + λ)⁻¹ Qᵀ w*, λ = \(F.short(lambdas.first!)) … \(F.short(lambdas.last!)); L1: w̃ᵢ = sign(w*ᵢ) max(0, |w*ᵢ| − λ/Hᵢᵢ), λ = 0 … \(F.short(l1.last!.lambda))",
                        panels: [
                            LinePlot.Panel(title: "L2 path\nH: eig. \(q.l2Eigenvalues.map { F.short($0) }.joined(separator: ", ")), \(Int(q.rotationDegrees))°",
                                           xLabel: "w₁", yLabel: "w₂", series: levels(q.l2Optimum, q.l2Eigenvalues, q.rotationDegrees) + [
                                .init(name: "closed form", x: l2.map { $0.closedForm[0] }, y: l2.map { $0.closedForm[1] }, color: 0),
                                .init(name: "numerical", x: l2.map { $0.numerical[0] }, y: l2.map { $0.numerical[1] }, dotsOnly: true, color: 1, dotSize: 1.2),
                            ], markers: false),
                            LinePlot.Panel(title: "L2, eigen-coordinates\nscaled by λᵢ/(λᵢ + λ)", xLabel: "λ", yLabel: "w̃ᵢ / w*ᵢ",
                                           series: (0..<2).flatMap { i -> [LinePlot.Series] in [
                                .init(name: "λ\(i + 1) = \(F.short(q.l2Eigenvalues[i])): formula", x: lambdas, y: l2.map { $0.shrinkage[i] }, color: 2 * i),
                                .init(name: "λ\(i + 1): numerical", x: lambdas, y: l2.map { $0.measuredShrinkage[i] }, dotsOnly: true, color: 2 * i + 1, dotSize: 1.2),
                            ] }, markers: false, logX: true, yFrom: 0),
                            LinePlot.Panel(title: "L1 path\nH = diag(\(q.l1Diagonal.map { F.short($0) }.joined(separator: ", ")))",
                                           xLabel: "w₁", yLabel: "w₂", series: levels(q.l1Optimum, q.l1Diagonal, 0) + [
                                .init(name: "closed form", x: l1.map { $0.closedForm[0] }, y: l1.map { $0.closedForm[1] }, color: 0),
                                .init(name: "numerical (ISTA)", x: l1.map { $0.numerical[0] }, y: l1.map { $0.numerical[1] }, dotsOnly: true, color: 1, dotSize: 1.2),
                            ], markers: false),
                            LinePlot.Panel(title: "L1 soft threshold: 0\nfrom λ = |w*ᵢ| Hᵢᵢ on",
                                           xLabel: "λ", yLabel: "w̃ᵢ", series: (0..<2).flatMap { i -> [LinePlot.Series] in [
                                .init(name: "w̃\(i + 1), formula", x: l1.map(\.lambda), y: l1.map { $0.closedForm[i] }, color: 2 * i),
                                .init(name: "w̃\(i + 1), numerical", x: l1.map(\.lambda), y: l1.map { $0.numerical[i] }, dotsOnly: true, color: 2 * i + 1, dotSize: 1.2),
                            ] }, markers: false, yFrom: 0),
                        ], key: .below)
    }

    /// Figure 4a and 4b: the digits net's validation curve, and early stopping against L2 on a quadratic.
    var earlyStopping: LinePlot {
        let e = result.earlyStopping
        let epochs = e.epochs.map { Double($0.epoch) }
        let q = result.earlyStoppingQuadratic
        var equivalence: [LinePlot.Series] = []
        for (k, h) in q.horizons.enumerated() {
            // One legend entry per horizon: the dashed L2 partner's λ = 1/(tε) is in the title's rule.
            equivalence.append(.init(name: "t = \(h.steps)", x: q.eigenvalues, y: h.descent, color: k))
            equivalence.append(.init(name: "", x: q.eigenvalues, y: h.l2, color: k, dashed: true))
        }
        let minimum = e.validationLossAtMinimum
        // The first epochs' loss (log C ≈ 2.3 falling fast) would flatten the climb after the minimum.
        let zoomFrom = Swift.min(10, Swift.max(1, e.epochs.count / 2))
        let late = e.epochs.filter { $0.epoch >= zoomFrom }
        return LinePlot(title: "Early stopping as a regularizer (seed \(result.configuration.seed)); right: t steps of GD and L2 with λ = 1/(tε) match their formulas to \(F.short(q.maxFormulaError))" + divergenceNote, panels: [
            LinePlot.Panel(title: "digits net, Adam lr \(F.short(RegularizePlan.earlyStoppingOptimizer.learningRate)), no penalty\nbest epoch \(e.bestLossEpoch): \(F.short(minimum)); end: \(F.short(e.validationLossAtEnd))",
                           xLabel: "epoch", yLabel: "cross-entropy", series: [
                .init(name: "training loss", x: epochs, y: e.epochs.map(\.trainLoss)),
                .init(name: "validation loss", x: epochs, y: e.epochs.map { $0.validationLoss ?? .nan }),
                .init(name: "validation minimum", x: [Double(e.bestLossEpoch)], y: [minimum], dotsOnly: true, color: 2, dotSize: 2.5),
            ], logY: true, markers: false),
            LinePlot.Panel(title: "validation loss from epoch \(zoomFrom)\n(linear axis): min, then climbs", xLabel: "epoch", yLabel: "validation cross-entropy", series: [
                .init(name: "validation loss", x: late.map { Double($0.epoch) }, y: late.map { $0.validationLoss ?? .nan }, color: 1),
                .init(name: "validation minimum", x: [Double(e.bestLossEpoch)], y: [minimum], dotsOnly: true, color: 2, dotSize: 2.5),
            ], markers: false),
            LinePlot.Panel(title: "quadratic, \(q.dimension) directions, ε = \(q.learningRate)\nsolid: t steps of GD from 0\ndashed: L2 minimum, λ = 1/(tε)",
                           xLabel: "eigenvalue λᵢ of H", yLabel: "w̃ᵢ / w*ᵢ", series: equivalence, logX: true, yFrom: 0),
        ], key: .below)
    }
}
