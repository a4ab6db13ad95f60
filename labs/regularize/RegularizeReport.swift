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
        let findings = RegularizeFindings(result: result)
        let figures = RegularizeFigures(result: result, findings: findings)
        let jobs: [(name: String, figure: any Figure)] = [
            ("capacity", figures.capacity), ("capacity-lambda", figures.capacityLambda), ("penalties", figures.penalties),
            ("weight-histograms", figures.histograms), ("penalty-paths", figures.paths), ("bias-variance", figures.biasVariance),
            ("early-stopping", figures.earlyStopping), ("label-smoothing", figures.smoothing), ("augmentation", figures.augmentation),
        ]
        let urls = jobs.map { renderer.url(for: $0.name, in: folder) }
        try renderer.render(zip(jobs, urls).map { ($0.figure, $1) })
        let p = result.capacityPoints
        let captions = RegularizeCaptions(result: result, findings: findings)
        func json<T: Encodable>(_ name: String, _ figure: String, _ caption: Caption, _ body: T) throws {
            try JSONOutput.write(Document(figure: figure, seed: c.seed, caption: caption, divergences: result.divergences,
                                          parameters: parameters, results: body),
                                 to: folder.appendingPathComponent("\(name).json"), figure: renderer.url(for: name, in: folder))
        }
        try json("capacity", "decision regions of one-hidden-layer ReLU nets of growing width on the spiral",
                 captions.capacity, CapacityBody(maps: findings.widths, gridAxis: DecisionMap.axis, pointsX: p.x, pointsY: p.y, pointLabels: p.labels))
        try json("capacity-lambda", "decision regions of the widest net at growing L2 strength λ",
                 captions.capacityLambda, CapacityBody(maps: findings.penalized, gridAxis: DecisionMap.axis, pointsX: p.x, pointsY: p.y, pointLabels: p.labels))
        let penalties = PenaltyBody(baseline: result.baseline, penalties: result.penalties, maxNorms: result.maxNorms)
        try json("penalties", "validation accuracy and the fraction of (near-)zero weights against λ for L2, L1 and the elastic net; max-norm",
                 captions.penalties, penalties)
        try json("weight-histograms", "histograms of every weight of the digits net at one λ, per penalty", captions.histograms, penalties)
        try json("penalty-paths", "the penalized minimum of a 2-D quadratic against λ: closed forms and numerical minima", captions.paths, result.quadratic)
        try json("bias-variance", "bias², variance, noise and measured test error of polynomial fits against degree and training-set size",
                 captions.biasVariance, result.biasVariance)
        try json("early-stopping", "the validation minimum of a digits net, and t steps of gradient descent against L2 with λ = 1/(tε) on a quadratic",
                 captions.earlyStopping, EarlyStoppingBody(curve: result.earlyStopping, quadratic: result.earlyStoppingQuadratic))
        try json("label-smoothing", "confidence histograms on the test digits with and without label smoothing", captions.smoothing, result.smoothing)
        try json("augmentation", "validation accuracy per seed without augmentation, with input noise, and with rotations, scalings and shifts",
                 captions.augmentation, result.augmentation)
        return urls
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
