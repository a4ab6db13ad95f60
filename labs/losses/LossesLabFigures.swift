import Foundation
import NNEngine
import NNRender

/// The six figures of the losses lab, built from the computed values.
struct LossesLabFigures {
    var result: LossesLabResult

    /// Figure 1: loss and |∂L/∂z| against z for MSE and cross-entropy on a sigmoid output.
    var outputGradients: LinePlot {
        let o = result.outputGradients
        return LinePlot(title: "One sigmoid output, target t = 1: under MSE the gradient vanishes when the output is confidently wrong (z ≪ 0)", panels: [
            LinePlot.Panel(title: "loss\nσ(z): the predicted probability of t = 1", xLabel: "score z", yLabel: "loss", series: [
                .init(name: "MSE ½(σ(z) − 1)²", x: o.z, y: o.mseLoss, color: 1),
                .init(name: "cross-entropy −log σ(z)", x: o.z, y: o.crossEntropyLoss, color: 0),
                .init(name: "softmax CE on (z, 0) (dots)", x: stride(o.z), y: stride(o.softmaxLoss), dotsOnly: true, color: 2, dotSize: 1),
            ], markers: false),
            LinePlot.Panel(title: "|∂L/∂z| (log scale)\nat z = −10: MSE \(Format.short(abs(o.mseGradientWrong))), CE \(Format.short(abs(o.crossEntropyGradientWrong)))",
                           xLabel: "score z", yLabel: "|∂L/∂z|", series: [
                               .init(name: "MSE: |(σ − 1) σ(1 − σ)|", x: o.z, y: o.mseGradient.map(abs), color: 1),
                               .init(name: "cross-entropy: |σ − 1|", x: o.z, y: o.crossEntropyGradient.map(abs), color: 0),
                           ], logY: true, markers: false),
        ], key: .below)
    }

    func stride(_ xs: [Double]) -> [Double] { Swift.stride(from: 0, to: xs.count, by: 10).map { xs[$0] } }

    /// Figure 2: BCE against softplus, and where the naive formula overflows.
    var softplus: LinePlot {
        let s = result.softplus
        let overflow = s.naiveOverflowAt.map { "naive formula (dots): ∞ from z = \(Format.short($0))" } ?? "the naive formula (dots) stays finite"
        return LinePlot(title: "Binary cross-entropy is the softplus ζ of the score: max |BCE − ζ| = \(Format.short(s.maxDifference))", panels: [
            LinePlot.Panel(title: "ζ(z) = ln(1 + exp(z)); \(overflow)", xLabel: "score z", yLabel: "loss", series: [
                .init(name: "BCE, y = 1", x: s.z, y: s.bcePositive, color: 0),
                .init(name: "ζ(−z)", x: s.z, y: s.softplusNegated, color: 7, dashed: true),
                .init(name: "BCE, y = 0", x: s.z, y: s.bceNegative, color: 1),
                .init(name: "ζ(z)", x: s.z, y: s.softplus, color: 6, dashed: true),
                .init(name: "naive −log(1 − σ(z))", x: stride(s.z), y: stride(s.naiveNegative), dotsOnly: true, color: 3, dotSize: 1),
            ], markers: false),
        ], key: .outside)
    }

    /// Figure 3: the deck's hinge example and the margin sweep.
    var hinge: LinePlot {
        let h = result.hinge
        let xs = [1.0, 2, 3]
        let names = h.examples.map { "\($0.image)" }.joined(separator: ", ")
        return LinePlot(title: "Hinge vs softmax cross-entropy (CE) on the deck's three images (\(names) = 1, 2, 3)", panels: [
            LinePlot.Panel(title: "per-image loss\nthe deck prints hinge \(h.deckLosses.map { String(format: "%.1f", $0) }.joined(separator: ", "))",
                           xLabel: "image (1 cat, 2 car, 3 frog)", yLabel: "loss", series: [
                               .init(name: "hinge Δ=0 (deck)", x: xs, y: h.examples.map(\.hingeZeroMargin), dotsOnly: true, color: 0, dotSize: 2.2),
                               .init(name: "hinge Δ=1", x: xs, y: h.examples.map(\.hingeUnitMargin), dotsOnly: true, color: 1, dotSize: 1.6),
                               .init(name: "CE", x: xs, y: h.examples.map(\.crossEntropy), dotsOnly: true, color: 2, dotSize: 1.6),
                           ], yFrom: 0),
            LinePlot.Panel(title: "the car image, car score + m\nhinge reaches 0 (no gradient), CE never",
                           xLabel: "m added to the car score", yLabel: "loss", series: [
                               .init(name: "hinge Δ=0", x: h.margins, y: h.hingeAlongMargin, color: 0),
                               .init(name: "hinge Δ=1", x: h.margins, y: h.hingeUnitAlongMargin, color: 1),
                               .init(name: "CE", x: h.margins, y: h.crossEntropyAlongMargin, color: 2),
                               .init(name: "−∂CE/∂s_car", x: h.margins, y: h.crossEntropyGradientAlongMargin.map { -$0 }, color: 2, dashed: true),
                           ], markers: false, yFrom: 0),
        ], key: .below)
    }

    /// Figure 4: the sample with its mean and median, the fitted constants, the loss curves.
    var meanMedian: LinePlot {
        let m = result.meanMedian
        let top = (m.density.max() ?? 1) * 1.05
        let steps = (1...m.mseTrajectory.count).map(Double.init)
        return LinePlot(title: "One constant fitted to \(m.sampleSize) draws of \(m.distribution): MSE finds the mean, MAE the median", panels: [
            LinePlot.Panel(title: "mean \(Format.short(m.mean)), MSE fit \(Format.short(m.fittedMSE))\nmedian \(Format.short(m.median)), MAE fit \(Format.short(m.fittedMAE))",
                           xLabel: "y", yLabel: "density (grey: the sample)", series: [
                               .init(name: "", x: m.binCentres, y: m.density, color: 6),
                               .init(name: "mean", x: [m.mean, m.mean], y: [0, top], color: 1, dashed: true),
                               .init(name: "MSE fit", x: [m.fittedMSE, m.fittedMSE], y: [0, top], color: 1),
                               .init(name: "median", x: [m.median, m.median], y: [0, top], color: 0, dashed: true),
                               .init(name: "MAE fit", x: [m.fittedMAE, m.fittedMAE], y: [0, top], color: 0),
                           ], markers: false, yFrom: 0),
            LinePlot.Panel(title: "loss of a constant c\n ", xLabel: "constant c",
                           yLabel: "loss", series: [
                               .init(name: "MSE(c)", x: m.constants, y: m.mseCurve, color: 1),
                               .init(name: "MAE(c)", x: m.constants, y: m.maeCurve, color: 0),
                           ], markers: false, yFrom: 0),
            LinePlot.Panel(title: "c during the fits\n(Adam, decaying rate)", xLabel: "step", yLabel: "c", series: [
                               .init(name: "MSE fit", x: steps, y: m.mseTrajectory, color: 1),
                               .init(name: "MAE fit", x: steps, y: m.maeTrajectory, color: 0),
                           ], markers: false, logX: true),
        ], key: .below)
    }

    /// Figure 5: p and the three fitted Gaussians.
    var kl: LinePlot {
        let k = result.kl
        var series: [LinePlot.Series] = [.init(name: "target p", x: k.x, y: k.p, color: 7)]
        for (i, f) in k.fits.enumerated() {
            series.append(.init(name: "\(f.objective): μ \(String(format: "%.2f", f.mean)), σ \(String(format: "%.2f", f.std))",
                                x: k.x, y: f.density, color: i, dashed: i > 0))
        }
        return LinePlot(title: "KL is asymmetric: fitting one Gaussian q to a bimodal p", panels: [
            LinePlot.Panel(title: "\(k.target); moment matching gives μ \(String(format: "%.2f", abs(k.momentMean) < 5e-3 ? 0 : k.momentMean)), σ \(String(format: "%.2f", k.momentStd))\nmin KL(p‖q) covers both modes; min KL(q‖p) picks the mode nearest its start",
                           xLabel: "x", yLabel: "density", series: series, markers: false, yFrom: 0),
        ], key: .below)
    }

    /// Figure 6: the two error surfaces.
    var surfaces: SurfaceFigure {
        let s = result.surfaces
        let panels = s.surfaces.map { surface in
            SurfaceFigure.Panel(title: "\(surface.name)\nnot convex on \(Format.percent(surface.nonConvexFraction)) of the grid",
                                axis: s.axis, values: surface.values, minimum: surface.minimum, marked: surface.nonConvexPoints)
        }
        return SurfaceFigure(title: "One sigmoid perceptron, \(s.examples) examples, d ~ Bernoulli(σ(\(Format.short(s.teacher[0]))x₁ \(s.teacher[1] < 0 ? "−" : "+") \(Format.short(abs(s.teacher[1])))x₂)): L2 is not convex, KL is\n✱ grid minimum; white dots: Hessian not positive semidefinite (every third point)",
                             panels: panels, xLabel: "w₁", yLabel: "w₂")
    }
}
