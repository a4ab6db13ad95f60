import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `LossesLabResult` into six figures, each with its JSON (title, seed, caption, the run's
/// parameters and the plotted numbers): `mse-vs-cross-entropy`, `bce-softplus`,
/// `hinge-vs-cross-entropy`, `mean-vs-median`, `kl-asymmetry`, `l2-vs-kl-surface`.
public enum LossesLabReport {
    /// The figures in the order they are drawn, each with its caption and the numbers it plots.
    static func figures(_ r: LossesLabResult) -> [CaptionedFigure] {
        let f = LossesLabFigures(result: r)
        let c = captions(r)
        return [
            CaptionedFigure("mse-vs-cross-entropy", "loss and gradient of MSE and cross-entropy on a sigmoid output, target 1", f.outputGradients, c[0], r.outputGradients),
            CaptionedFigure("bce-softplus", "binary cross-entropy against the softplus of the score", f.softplus, c[1], r.softplus),
            CaptionedFigure("hinge-vs-cross-entropy", "hinge and cross-entropy on the deck's three-image example", f.hinge, c[2], r.hinge),
            CaptionedFigure("mean-vs-median", "a constant fitted to a skewed sample by MSE and by MAE", f.meanMedian, c[3], r.meanMedian),
            CaptionedFigure("kl-asymmetry", "a Gaussian fitted to a bimodal density by KL(p‖q) and by KL(q‖p)", f.kl, c[4], r.kl),
            CaptionedFigure("l2-vs-kl-surface", "L2 and KL error surfaces of one sigmoid perceptron over its two weights", f.surfaces, c[5], r.surfaces),
        ]
    }

    /// Writes every figure (one gnuplot process) and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ r: LossesLabResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        try CaptionedFigureWriter(seed: r.configuration.seed, parameters: r.configuration).write(figures(r), to: folder, renderer: renderer)
    }

    /// One line per figure for the terminal.
    public static func summary(_ r: LossesLabResult) -> String {
        CaptionedFigureWriter.summary(figures(r))
    }

    static func captions(_ r: LossesLabResult) -> [Caption] {
        func n(_ name: String, _ value: String) -> Caption.Number { .init(name: name, value: value) }
        let o = r.outputGradients, s = r.softplus, h = r.hinge, m = r.meanMedian, k = r.kl, p = r.surfaces
        let l2 = p.surfaces[0], kl = p.surfaces[1]
        let forward = k.fits[0], reverse = k.fits[1], reverse2 = k.fits[2]
        return [
            Caption(lecturePoint: "With a sigmoid output use cross-entropy: its gradient gets small only if the classification is correct; MSE's vanishes when the output is wrong",
                    deck: "003",
                    finding: "at z = −10 (target 1): |∂L/∂z| MSE \(Format.short(abs(o.mseGradientWrong))), cross-entropy \(Format.short(abs(o.crossEntropyGradientWrong))); two-class softmax CE = BCE to \(Format.short(o.softmaxBinaryDifference)); gradient checks \(Format.short(o.mseGradientCheck)), \(Format.short(o.crossEntropyGradientCheck))",
                    numbers: [n("MSE gradient at z = −10", Format.short(abs(o.mseGradientWrong))), n("CE gradient at z = −10", Format.short(abs(o.crossEntropyGradientWrong))),
                              n("MSE gradient at z = +10", Format.short(abs(o.mseGradientRight))), n("CE gradient at z = +10", Format.short(abs(o.crossEntropyGradientRight))),
                              n("gradient checks on |z| ≤ 5 (MSE, CE)", "\(Format.short(o.mseGradientCheck)), \(Format.short(o.crossEntropyGradientCheck))")],
                    rank: 0),
            Caption(lecturePoint: "Binary cross-entropy on a sigmoid output is the softplus: −log σ(z) = ζ(−z), −log(1 − σ(z)) = ζ(z)",
                    deck: "003",
                    finding: "max |BCE − ζ| over z ∈ [−40, 40]: \(Format.short(s.maxDifference))" + (s.naiveOverflowAt.map { "; the naive −log(1 − σ(z)) is ∞ from z = \(Format.short($0))" } ?? ""),
                    numbers: [n("max |BCE − softplus|", Format.short(s.maxDifference))],
                    rank: 1),
            Caption(lecturePoint: "Hinge loss is zero once the margin inequality holds, otherwise it grows linearly (the deck's example: 1.9, 0.0, 10.9)",
                    deck: "003",
                    finding: "hinge Δ = 0: \(h.examples.map { String(format: "%.1f", $0.hingeZeroMargin) }.joined(separator: ", ")) (the deck: 1.9, 0.0, 10.9); Δ = 1: \(h.examples.map { String(format: "%.1f", $0.hingeUnitMargin) }.joined(separator: ", ")); softmax CE: \(h.examples.map { String(format: "%.3f", $0.crossEntropy) }.joined(separator: ", ")) — the correctly classified car image still costs \(String(format: "%.3f", h.examples[1].crossEntropy)) under CE",
                    numbers: [n("hinge (Δ = 0)", h.examples.map { String(format: "%.1f", $0.hingeZeroMargin) }.joined(separator: ", ")),
                              n("hinge (Δ = 1)", h.examples.map { String(format: "%.1f", $0.hingeUnitMargin) }.joined(separator: ", ")),
                              n("cross-entropy", h.examples.map { String(format: "%.3f", $0.crossEntropy) }.joined(separator: ", "))],
                    rank: 2),
            Caption(lecturePoint: "MSE makes f* the mean of y given x; MAE makes it the median",
                    deck: "003",
                    finding: "MSE fit \(Format.short(m.fittedMSE)) vs sample mean \(Format.short(m.mean)); MAE fit \(Format.short(m.fittedMAE)) vs sample median \(Format.short(m.median)) (\(m.sampleSize) log-normal draws)",
                    numbers: [n("mean / MSE fit", "\(Format.short(m.mean)) / \(Format.short(m.fittedMSE))"), n("median / MAE fit", "\(Format.short(m.median)) / \(Format.short(m.fittedMAE))")],
                    rank: 3),
            Caption(lecturePoint: "KL divergence is asymmetric: D_KL(P‖Q) ≠ D_KL(Q‖P)",
                    deck: "003",
                    finding: "min KL(p‖q): μ \(String(format: "%.3f", abs(forward.mean) < 5e-4 ? 0 : forward.mean)), σ \(String(format: "%.3f", forward.std)) (moment matching: \(String(format: "%.3f", abs(k.momentMean) < 5e-4 ? 0 : k.momentMean)), \(String(format: "%.3f", k.momentStd))); min KL(q‖p): μ \(String(format: "%.3f", reverse.mean)), σ \(String(format: "%.3f", reverse.std)) from μ = 1, μ \(String(format: "%.3f", reverse2.mean)) from μ = −1; KL(q‖p) at the fits \(Format.short(reverse.divergence)), \(Format.short(reverse2.divergence)) (log 2 = 0.693 for q on one mode exactly)",
                    numbers: [n("KL(p‖q) fit σ", String(format: "%.3f", forward.std)), n("KL(q‖p) fit σ", String(format: "%.3f", reverse.std)),
                              n("gradient checks", k.fits.map { Format.short($0.gradientCheck) }.joined(separator: ", "))],
                    rank: 4),
            Caption(lecturePoint: "For a single perceptron the L2 divergence is not convex while KL is convex; L2 still has a unique global minimum",
                    deck: "004",
                    finding: "Hessian not positive semidefinite on \(Format.percent(l2.nonConvexFraction)) of the L2 grid (smallest eigenvalue \(Format.short(l2.smallestEigenvalue))), on \(Format.percent(kl.nonConvexFraction)) of the KL grid (smallest \(Format.short(kl.smallestEigenvalue))); gradient checks \(Format.short(l2.gradientCheck)), \(Format.short(kl.gradientCheck))",
                    numbers: [n("L2 non-convex share", Format.percent(l2.nonConvexFraction)), n("KL non-convex share", Format.percent(kl.nonConvexFraction))]
                        + p.surfaces.flatMap { q in
                            [n("\(q.name): smallest Hessian eigenvalue", Format.short(q.smallestEigenvalue)),
                             n("\(q.name): grid minimum", String(format: "(%.2f, %.2f)", q.minimum[0], q.minimum[1]))]
                        },
                    rank: 5),
        ]
    }
}
