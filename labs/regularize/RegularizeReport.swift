import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `RegularizeResult` into nine figures, each with a JSON of the numbers it plots, the
/// run's parameters, the seed and a `caption` for the gallery.
public enum RegularizeReport {
    /// The run's parameters, repeated in every JSON so that each file stands on its own.
    struct Parameters: Encodable {
        var lab = "regularize"
        var seed: UInt64
        var planar: String
        var digits: String
        var capacityUnits: [Int], capacityLambdas: [Double], planarEpochs: Int
        var planarOptimizer = RegularizePlan.planarOptimizer
        var hidden: [Int], trainCount: Int, epochs: Int, batchSize: Int
        var optimizer: OptimizerConfiguration
        var earlyStoppingOptimizer = RegularizePlan.earlyStoppingOptimizer
        var earlyStoppingEpochs: Int
        var lambdas: [Double], histogramLambda: Double, maxNorms: [Double]
        var smoothing: Double, inputNoise: Double, copies: Int, seeds: Int
        var degrees: [Int], samplePoints: Int, sampleSizes: [Int], draws: Int, noise: Double
        var penaltyConvention = "L2 ½λ‖W‖² (gradient λW), L1 λ‖W‖₁, elastic net λ‖W‖₁ + ½λ‖W‖²; weight matrices only, not biases"
        var keptModel = "every net's parameters after its last epoch (no early-stopping snapshot), except figure 4a's curve, which shows every epoch"
    }

    /// The gallery's caption (`GalleryCaption`, shared by every lab).
    typealias Caption = GalleryCaption

    /// A figure's JSON: `CaptionedFigureDocument`'s keys plus the run's divergences.
    struct Document<Body: Encodable>: Encodable {
        var figure: String
        var seed: UInt64
        var caption: Caption
        var divergences: [String]
        var parameters: Parameters
        var results: Body
    }

    struct CapacityBody: Encodable {
        var maps: [DecisionMap]
        var gridAxis: [Double]
        var pointsX: [Double], pointsY: [Double], pointLabels: [Int]
    }

    struct PenaltyBody: Encodable {
        var baseline: PenaltyRun
        var penalties: [PenaltyRun]
        var maxNorms: [PenaltyRun]
    }

    struct EarlyStoppingBody: Encodable {
        var curve: EarlyStoppingCurve
        var quadratic: EarlyStoppingQuadratic
    }

    /// The figures in the order they are drawn, each with its caption and the numbers it plots.
    static func figures(_ result: RegularizeResult) -> [CaptionedFigure] {
        let findings = RegularizeFindings(result: result)
        let figures = RegularizeFigures(result: result, findings: findings)
        let captions = RegularizeCaptions(result: result, findings: findings)
        let p = result.capacityPoints
        let penalties = PenaltyBody(baseline: result.baseline, penalties: result.penalties, maxNorms: result.maxNorms)
        return [
            CaptionedFigure("capacity", "decision regions of one-hidden-layer ReLU nets of growing width on the spiral", figures.capacity,
                            captions.capacity, CapacityBody(maps: findings.widths, gridAxis: DecisionMap.axis, pointsX: p.x, pointsY: p.y, pointLabels: p.labels)),
            CaptionedFigure("capacity-lambda", "decision regions of the widest net at growing L2 strength λ", figures.capacityLambda,
                            captions.capacityLambda, CapacityBody(maps: findings.penalized, gridAxis: DecisionMap.axis, pointsX: p.x, pointsY: p.y, pointLabels: p.labels)),
            CaptionedFigure("penalties", "validation accuracy and the fraction of (near-)zero weights against λ for L2, L1 and the elastic net; max-norm",
                            figures.penalties, captions.penalties, penalties),
            CaptionedFigure("weight-histograms", "histograms of every weight of the digits net at one λ, per penalty", figures.histograms,
                            captions.histograms, penalties),
            CaptionedFigure("penalty-paths", "the penalized minimum of a 2-D quadratic against λ: closed forms and numerical minima", figures.paths,
                            captions.paths, result.quadratic),
            CaptionedFigure("bias-variance", "bias², variance, noise and measured test error of polynomial fits against degree and training-set size",
                            figures.biasVariance, captions.biasVariance, result.biasVariance),
            CaptionedFigure("early-stopping", "the validation minimum of a digits net, and t steps of gradient descent against L2 with λ = 1/(tε) on a quadratic",
                            figures.earlyStopping, captions.earlyStopping,
                            EarlyStoppingBody(curve: result.earlyStopping, quadratic: result.earlyStoppingQuadratic)),
            CaptionedFigure("label-smoothing", "confidence histograms on the test digits with and without label smoothing", figures.smoothing,
                            captions.smoothing, result.smoothing),
            CaptionedFigure("augmentation", "validation accuracy per seed without augmentation, with input noise, and with rotations, scalings and shifts",
                            figures.augmentation, captions.augmentation, result.augmentation),
        ]
    }

    /// Writes every figure (one gnuplot process) and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ result: RegularizeResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let parameters = Parameters(seed: c.seed, planar: result.planar, digits: result.digits, capacityUnits: c.capacityUnits,
                                    capacityLambdas: c.capacityLambdas, planarEpochs: c.planarEpochs, hidden: c.hidden, trainCount: c.trainCount,
                                    epochs: c.epochs, batchSize: c.batchSize, optimizer: c.optimizer,
                                    earlyStoppingEpochs: c.epochs * c.earlyStoppingMultiplier, lambdas: c.lambdas,
                                    histogramLambda: c.histogramLambda, maxNorms: c.maxNorms, smoothing: c.smoothing, inputNoise: c.inputNoise,
                                    copies: c.copies, seeds: c.seeds, degrees: Array(c.degrees), samplePoints: c.samplePoints,
                                    sampleSizes: c.sampleSizes, draws: c.draws, noise: c.noise)
        let writer = CaptionedFigureWriter { figure in
            document(figure, seed: c.seed, divergences: result.divergences, parameters: parameters, results: figure.results)
        }
        return try writer.write(figures(result), to: folder, renderer: renderer)
    }

    /// One figure's `Document`, its results opened as their concrete type.
    static func document<Body: Encodable>(_ figure: CaptionedFigure, seed: UInt64, divergences: [String], parameters: Parameters,
                                          results: Body) -> any Encodable {
        Document(figure: figure.title, seed: seed, caption: figure.caption, divergences: divergences, parameters: parameters, results: results)
    }

    /// The findings, one per figure, for the terminal.
    public static func summary(_ result: RegularizeResult) -> String {
        let f = RegularizeFindings(result: result)
        return [("1 capacity", f.capacity), ("1b capacity vs λ", f.capacityLambda), ("2 penalties", f.penalties),
                ("2b weight histograms", f.histograms), ("2c penalty paths", f.paths), ("3 bias and variance", f.biasVariance),
                ("4a/b early stopping", f.earlyStopping), ("4c label smoothing", f.smoothing), ("4d augmentation", f.augmentation)]
            .map { "figure \($0.0): \($0.1)" }.joined(separator: "\n")
            + (result.divergences.isEmpty ? "" : "\n\(result.divergences.count) of \(result.trainedNets) nets diverged; the first: \(result.divergences[0])")
    }
}
