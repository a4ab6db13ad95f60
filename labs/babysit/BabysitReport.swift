import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `BabysitResult` into its figures, each with a JSON of the numbers it plots, the
/// run's parameters and seed, and the gallery's caption: `sanity-checks`, `lr-finder`,
/// `loss-curves`, `accuracy-curves`, `update-ratios`, `activation-histograms`, `gradient-histograms`,
/// `first-layer-weights` (digits only), `schedules`, `batch-size`.
public enum BabysitReport {
    struct Parameters: Codable {
        var lab = "babysit"
        var dataset: String
        var data: String
        var hidden: [Int]
        var activation = "relu"
        var initialization = "Kaiming normal (hidden), Xavier ×0.1 (output); one seed for every net"
        var optimizer: OptimizerConfiguration
        var epochs: Int, batchSize: Int
        var regularization: Double
        var finderRange: [Double]
        var finderSteps: Int
        var seed: UInt64
    }

    /// The gallery's caption (`GalleryCaption`, shared by every lab).
    typealias Caption = GalleryCaption

    /// The figures in the order they are drawn (`first-layer-weights` only for images), each with
    /// its caption (ranked in that order) and the numbers it plots.
    static func figures(_ result: BabysitResult) -> [CaptionedFigure] {
        let findings = BabysitFindings(result)
        let figures = BabysitFigures(result: result)
        let inside = result.inside
        var all: [(name: String, title: String, figure: any Figure, finding: BabysitFindings.Finding, results: any Encodable)] = [
            ("sanity-checks", "sanity checks: initial loss against λ, overfitting 20 examples, a broken setup", figures.sanity, findings.sanity, result.sanity),
            ("lr-finder", "learning-rate finder: loss against a log-spaced sweep, regions from the measured curve", figures.finder, findings.finder, result.finders),
            ("loss-curves", "loss curves: good lr, too high, too low, bad initialization, too little regularization", figures.curves, findings.curves, result.curves),
            ("accuracy-curves", "training and validation accuracy of the loss-curve runs", figures.accuracyCurves, findings.curves, result.curves),
            ("update-ratios", "update-to-weight ratio per layer at every step", figures.ratios, findings.ratios,
             UpdateRatios(layers: inside.layers, stepsPerEpoch: inside.stepsPerEpoch, medians: inside.medianRatios, ratios: inside.ratios)),
            ("activation-histograms", "hidden activations per layer and epoch, dead ReLUs counted", figures.histograms(gradients: false), findings.histograms,
             Activations(goodRun: inside.probes.map { ProbeActivations(epoch: $0.epoch, histograms: $0.activationHistograms, means: $0.activationMeans,
                                                                       stds: $0.activationStds, deadUnits: $0.deadUnits, units: $0.units) },
                         deadAtEndOfEachRun: inside.deadAtEndOfEachRun)),
            ("gradient-histograms", "loss gradients at the hidden activations per layer and epoch", figures.histograms(gradients: true), findings.histograms,
             Gradients(histogramUnit: inside.gradientUnit,
                       probes: inside.probes.map { ProbeGradients(epoch: $0.epoch, histograms: $0.gradientHistograms, stds: $0.gradientStds) })),
        ]
        if let side = inside.imageSide {
            all.append(("first-layer-weights", "first-layer weights as 8×8 images at initialization and after training", figures.weights, findings.weights,
                        FirstLayer(side: side, initial: inside.firstLayerInitial, final: inside.firstLayerFinal)))
        }
        all += [
            ("schedules", "learning-rate schedules: lr(t), validation curves, early stopping", figures.schedules, findings.schedules, result.schedules),
            ("batch-size", "gradient noise against batch size; loss noise and accuracy at a fixed number of examples seen", figures.batches,
             findings.batches, BatchSizes(noise: result.noise, runs: result.batches)),
        ]
        return all.enumerated().map { rank, e in
            let caption = Caption(lecturePoint: e.finding.lecturePoint, deck: e.finding.deck, finding: e.finding.text,
                                  numbers: e.finding.numbers.map { Caption.Number(name: $0.0, value: $0.1) }, rank: rank)
            return CaptionedFigure(e.name, e.title, e.figure, caption, e.results)
        }
    }

    /// Writes every figure (one gnuplot pass) and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ result: BabysitResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let parameters = Parameters(dataset: c.dataset.name, data: result.data, hidden: c.hidden, optimizer: c.optimizerConfiguration,
                                    epochs: c.epochs, batchSize: c.batchSize, regularization: c.regularization,
                                    finderRange: [c.finderRange.lowerBound, c.finderRange.upperBound], finderSteps: c.finderSteps, seed: c.seed)
        return try CaptionedFigureWriter(seed: c.seed, parameters: parameters).write(figures(result), to: folder, renderer: renderer)
    }

    struct UpdateRatios: Encodable { var layers: [String]; var stepsPerEpoch: Int; var medians: [Double]; var ratios: [[Double]] }
    struct ProbeActivations: Encodable {
        var epoch: Int; var histograms: [Histogram]; var means: [Double]; var stds: [Double]; var deadUnits: [Int]; var units: [Int]
    }
    struct Activations: Encodable { var goodRun: [ProbeActivations]; var deadAtEndOfEachRun: [DeadUnits] }
    struct ProbeGradients: Encodable { var epoch: Int; var histograms: [Histogram]; var stds: [Double] }
    /// The histograms count `∂L/∂h / histogramUnit`; the stds are of `∂L/∂h` itself.
    struct Gradients: Encodable { var histogramUnit: Double; var probes: [ProbeGradients] }
    struct FirstLayer: Encodable { var side: Int; var initial: [[Double]]; var final: [[Double]] }
    struct BatchSizes: Encodable { var noise: [GradientNoise]; var runs: [BatchRun] }

    /// The findings, one per figure, for the terminal.
    public static func summary(_ result: BabysitResult) -> String {
        let f = BabysitFindings(result)
        return [("1 sanity checks", f.sanity), ("2 lr finder", f.finder), ("3 loss curves", f.curves), ("4 update/weight", f.ratios),
                ("4 histograms", f.histograms), ("4 first layer", f.weights), ("5 schedules", f.schedules), ("6 batch size", f.batches)]
            .map { "figure \($0.0): \($0.1.text)" }.joined(separator: "\n")
    }
}
