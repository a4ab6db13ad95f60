import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `NormalizeLabResult` into eight figures, each with a JSON of the numbers it plots, the
/// run's parameters and seed, and a `caption` for the gallery: `preprocessing`, `preprocessing-leak`,
/// `loss-sensitivity`, `zig-zag`, `batchnorm-training`, `batchnorm-init`, `batchnorm-activations`,
/// `batchnorm-test-time`.
public enum NormalizeLabReport {
    /// The run's parameters, repeated in every JSON so that each file stands on its own.
    struct Parameters: Encodable {
        var lab = "normalize"
        var seed: UInt64
        var gaussianCount: Int, leakSplits: Int, leakTrainCount: Int
        var depth: Int, width: Int, activation: String, batchNormPlacement = "after every hidden affine map, before the nonlinearity"
        var epochs: Int, sweepEpochs: Int, batchSize: Int
        var optimizer: OptimizerConfiguration
        var sweepRates: [Double]
        var targetAccuracy: Double
        var trainCount: Int
        var data: String
    }

    /// The gallery's caption (`GalleryCaption`, shared by every lab).
    typealias Caption = GalleryCaption

    /// The figures in the order they are drawn, each with its caption (ranked in that order) and
    /// the numbers it plots.
    static func figures(_ result: NormalizeLabResult) -> [CaptionedFigure] {
        let c = result.configuration
        let f = NormalizeLabFindings(result: result)
        let figures = NormalizeLabFigures(result: result, findings: f)
        var rank = 0
        func entry<T: Encodable>(_ name: String, _ title: String, _ figure: any Figure, deck: String, claim: String, _ finding: String,
                                 _ numbers: [NormalizeLabFindings.Number], _ body: T) -> CaptionedFigure {
            defer { rank += 1 }
            return CaptionedFigure(name, title, figure, Caption(lecturePoint: claim, deck: deck, finding: finding, numbers: numbers, rank: rank), body)
        }
        return [
            entry("preprocessing", "Preprocessing: raw, zero-centred, normalized, decorrelated, whitened", figures.preprocessing, deck: "001",
                  claim: "Zero-centre, normalize, decorrelate (PCA) and whiten the inputs, with statistics computed on the training data only and applied to validation and test",
                  f.preprocessing, f.preprocessingNumbers, result.pictures),
            entry("preprocessing-leak", "Whitening fitted on training data only vs on training + validation data", figures.leak, deck: "003",
                  claim: "The preprocessing statistics must be computed only over the training data; fitting them on the validation data leaks it",
                  f.leak, f.leakNumbers, result.leak),
            entry("loss-sensitivity", "The same classifier before and after normalization, its W rotated by a small angle", figures.sensitivity, deck: "001",
                  claim: "Before normalization the classification loss is very sensitive to small changes in the weights; after normalization it is less sensitive and easier to optimize",
                  f.sensitivity, f.sensitivityNumbers, result.sensitivity),
            entry("zig-zag", "Zig-zag of a two-weight unit on all-positive inputs against centred inputs", figures.zigZag, deck: "001",
                  claim: "When every input to a unit is positive, all gradients on its weights share one sign, so updates zig-zag; zero-centred inputs avoid it",
                  f.zigZag, f.zigZagNumbers, result.zigZag),
            entry("batchnorm-training", "Deep \(c.activation) nets with and without batch norm: convergence and the learning-rate sweep", figures.training, deck: "003",
                  claim: "Batch normalization improves convergence speed and allows for higher learning rates; apply it before the nonlinearity, on Wx + b",
                  f.training, f.trainingNumbers,
                  TrainingBody(convergence: result.batchNorm.convergence, sweep: result.batchNorm.sweep)),
            entry("batchnorm-init", "Deep nets from bad initializations, with and without batch norm", figures.initialization, deck: "004",
                  claim: "Batch norm normalizes every unit's pre-activation over the minibatch, whatever the scale of the weights before it, so badly scaled initializations still train (CS231n: it reduces the strong dependence on initialization)",
                  f.initialization, f.initializationNumbers, result.batchNorm.initialization),
            entry("batchnorm-activations", "Per-layer activation distributions during training", figures.activations, deck: "004",
                  claim: "Batch norm gives every unit's pre-activation zero mean and unit variance over the minibatch, layer after layer, so the units of a deep saturating net neither collapse nor saturate",
                  f.activations, f.activationNumbers, result.batchNorm.activations),
            entry("batchnorm-test-time", "Batch norm at test time: running statistics against the batch's own", figures.testTime, deck: "004",
                  claim: "On test data batch norm uses the average of the training minibatches' statistics, the variance times B/(B−1), not the statistics of the test batch",
                  f.testTime, f.testTimeNumbers, result.batchNorm.statistics),
        ]
    }

    /// Writes every figure (two gnuplot processes where there are two cores) and its JSON into
    /// `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ result: NormalizeLabResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let parameters = Parameters(seed: c.seed, gaussianCount: c.gaussianCount, leakSplits: c.leakSplits, leakTrainCount: c.leakTrainCount,
                                    depth: c.depth, width: c.width, activation: c.activation.description, epochs: c.epochs,
                                    sweepEpochs: c.sweepEpochs, batchSize: c.batchSize, optimizer: c.optimizerConfiguration,
                                    sweepRates: c.sweepRates, targetAccuracy: c.targetAccuracy, trainCount: c.trainCount, data: result.data)
        return try CaptionedFigureWriter(seed: c.seed, parameters: parameters)
            .write(figures(result), to: folder, renderer: renderer, processes: Swift.min(2, Parallel.coreCount))
    }

    struct TrainingBody: Encodable {
        var convergence: [NetCurve]
        var sweep: LearningRateSweep
    }

    /// The findings, one per figure, for the terminal.
    public static func summary(_ result: NormalizeLabResult) -> String {
        let f = NormalizeLabFindings(result: result)
        return [("1 preprocessing", f.preprocessing), ("1 leak", f.leak), ("1 loss sensitivity", f.sensitivity), ("2 zig-zag", f.zigZag),
                ("3 batch norm training", f.training), ("3 initialization", f.initialization), ("3 activations", f.activations),
                ("3 test time", f.testTime)]
            .map { "figure \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
