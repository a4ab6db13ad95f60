import Foundation
import NNEngine
import NNRender

extension RegularizeFigures {
    /// Figure 2c: the penalized minimum of a 2-D quadratic as λ grows, L2 and L1: a row each, the
    /// path in the plane and then the coordinates against λ, each legend right of its panel, clear
    /// of the data and of the x labels. Lines are closed forms and dots numerical minima in every
    /// panel (the figure's title says so), so the legends name only what differs: the level
    /// lines, and each direction or coordinate; short names leave the panels most of the width.
    /// In one row of four, the legends below took a third of the height and, at a smaller
    /// `--size`, ran into one another.
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
        var l2Path = LinePlot.Panel(title: "L2 path, H: eig. \(q.l2Eigenvalues.map { F.short($0) }.joined(separator: ", ")), \(Int(q.rotationDegrees))°",
                                    xLabel: "w₁", yLabel: "w₂", series: levels(q.l2Optimum, q.l2Eigenvalues, q.rotationDegrees) + [
            .init(name: "closed form", x: l2.map { $0.closedForm[0] }, y: l2.map { $0.closedForm[1] }, color: 0),
            .init(name: "numerical", x: l2.map { $0.numerical[0] }, y: l2.map { $0.numerical[1] }, dotsOnly: true, color: 1, dotSize: 1.2),
        ], markers: false)
        var l2Shrinkage = LinePlot.Panel(title: "L2: w̃ᵢ / w*ᵢ = λᵢ/(λᵢ + λ)", xLabel: "λ", yLabel: "w̃ᵢ / w*ᵢ",
                                         series: (0..<2).flatMap { i -> [LinePlot.Series] in [
            .init(name: "λ\(i + 1) = \(F.short(q.l2Eigenvalues[i]))", x: lambdas, y: l2.map { $0.shrinkage[i] }, color: 2 * i),
            .init(name: "", x: lambdas, y: l2.map { $0.measuredShrinkage[i] }, dotsOnly: true, color: 2 * i + 1, dotSize: 1.2),
        ] }, markers: false, logX: true, yFrom: 0)
        var l1Path = LinePlot.Panel(title: "L1 path, H = diag(\(q.l1Diagonal.map { F.short($0) }.joined(separator: ", ")))",
                                    xLabel: "w₁", yLabel: "w₂", series: levels(q.l1Optimum, q.l1Diagonal, 0) + [
            .init(name: "closed form", x: l1.map { $0.closedForm[0] }, y: l1.map { $0.closedForm[1] }, color: 0),
            .init(name: "ISTA", x: l1.map { $0.numerical[0] }, y: l1.map { $0.numerical[1] }, dotsOnly: true, color: 1, dotSize: 1.2),
        ], markers: false)
        var l1Threshold = LinePlot.Panel(title: "L1: w̃ᵢ = 0 for λ ≥ |w*ᵢ| Hᵢᵢ", xLabel: "λ", yLabel: "w̃ᵢ",
                                         series: (0..<2).flatMap { i -> [LinePlot.Series] in [
            .init(name: "w̃\(i + 1)", x: l1.map(\.lambda), y: l1.map { $0.closedForm[i] }, color: 2 * i),
            .init(name: "", x: l1.map(\.lambda), y: l1.map { $0.numerical[i] }, dotsOnly: true, color: 2 * i + 1, dotSize: 1.2),
        ] }, markers: false, yFrom: 0)
        // A row of the 2×2 grid holds about five y labels a text height apart at the slide font;
        // gnuplot's own steps of 0.5 and 0.1 printed ten and more, touching.
        l2Path.yTicStep = Self.tickStep(l2Path.series.flatMap(\.y))
        l1Path.yTicStep = Self.tickStep(l1Path.series.flatMap(\.y))
        l2Shrinkage.yTicStep = Self.tickStep([0] + l2Shrinkage.series.flatMap(\.y))
        l1Threshold.yTicStep = Self.tickStep([0] + l1Threshold.series.flatMap(\.y))
        return LinePlot(title: "The penalized minimum of J(w) = ½(w − w*)ᵀH(w − w*) as λ grows: closed form (lines) vs numerical minimum (dots), largest difference \(F.short(q.maxDiscrepancy))\n"
                            + "L2: w̃ = Q Λ(Λ + λ)⁻¹ Qᵀ w*, λ = \(F.short(lambdas.first!)) … \(F.short(lambdas.last!)); L1: w̃ᵢ = sign(w*ᵢ) max(0, |w*ᵢ| − λ/Hᵢᵢ), λ = 0 … \(F.short(l1.last!.lambda))",
                        panels: [l2Path, l2Shrinkage, l1Path, l1Threshold], key: .outside, columns: 2)
    }

    /// A round y tick step (1, 2 or 5 times a power of ten) giving at most five intervals over
    /// `values`.
    static func tickStep(_ values: [Double]) -> Double? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else { return nil }
        let rough = (high - low) / 5
        let exponent = log10(rough).rounded(.down)
        return [1.0, 2, 5, 10].map { exponent >= 0 ? $0 * pow(10, exponent) : $0 / pow(10, -exponent) }.first { $0 >= rough * (1 - 1e-9) }
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
