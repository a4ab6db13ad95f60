import ArgumentParser
import Foundation
import NNEngine
import NNRender
import NormalizeLab

/// `lab normalize`: input preprocessing and its leak, the zig-zag of non-centred inputs, and
/// batch norm in deep saturating nets (001, 003, 004 decks).
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalization: preprocessing pictures and leak, zig-zag gradients, batch norm in deep sigmoid nets.",
        discussion: """
            Pictures zero-centring, normalization, PCA and whitening (fitted on training data only) on a correlated \
            Gaussian and the digits, measures the leak of statistics fitted on validation data too, rotates one \
            classifier's weights before and after normalization, runs a two-weight unit on positive and centred inputs, \
            and trains deep sigmoid or tanh nets on the digits with and without batch norm. Writes eight figures with \
            their JSON: preprocessing, preprocessing-leak, loss-sensitivity, zig-zag, batchnorm-training, batchnorm-init, \
            batchnorm-activations, batchnorm-test-time.
            Optimizers: \(OptimizerKind.names.joined(separator: ", ")).
            """)

    @Option(help: "Points of the correlated Gaussian (70% training, 30% validation).")
    var gaussianPoints = 500

    @Option(help: "Digit splits over which the preprocessing leak is measured.")
    var leakSplits = 8

    @Option(help: "Training digits of each leak split.")
    var leakTrainCount = 100

    @Option(help: "Hidden layers of the deep nets.")
    var depth = 8

    @Option(help: "Units per hidden layer.")
    var width = 32

    @Option(help: "Hidden nonlinearity: sigmoid or tanh.")
    var activation = "sigmoid"

    @Option(help: "Epochs of the convergence curves.")
    var epochs = 30

    @Option(help: "Epochs of each net of the learning-rate sweep and of the initialization study.")
    var sweepEpochs = 10

    @Option(help: "Learning rate of the convergence curves and the initialization study.")
    var lr = 0.01

    @Option(help: "Learning rates of the sweep, comma-separated or repeated.")
    var sweepLr: [String] = []

    @Option(help: "Optimizer, e.g. momentum:0.9, sgd, adam.")
    var optimizer = "momentum:0.9"

    @Option(help: "Minibatch size (at least 2, for batch norm).")
    var batchSize = 32

    @Option(help: "Validation accuracy a net must reach to tolerate a learning rate in the sweep.")
    var targetAccuracy = 0.8

    @Option(help: "Training digits of the batch-norm study, at most (the split leaves about 900).")
    var trainCount = 1000

    @Option(help: "The digits file (65 comma-separated integers a row, gzip or plain, at most 64 MiB either way); default: the shipped copy.")
    var dataFile: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var c = NormalizeLabConfiguration()
        c.gaussianCount = gaussianPoints
        c.leakSplits = leakSplits
        c.leakTrainCount = leakTrainCount
        c.depth = depth
        c.width = width
        c.activation = try Activation(parsing: activation)
        c.epochs = epochs
        c.sweepEpochs = sweepEpochs
        c.learningRate = lr
        let rates = try CommaList.items(sweepLr, option: "--sweep-lr", example: "0.01,0.1,1", what: "a number", parse: Double.init)
        if !rates.isEmpty { c.sweepRates = rates.sorted() }
        c.optimizer = try OptimizerKind(parsing: optimizer)
        c.batchSize = batchSize
        c.targetAccuracy = targetAccuracy
        c.trainCount = trainCount
        c.seed = common.seed
        if let dataFile { c.digitsFile = URL(fileURLWithPath: dataFile) }
        try c.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "normalize")
        let folder = output.url

        let result = try NormalizeLab.run(c, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let urls = try output.replace { try NormalizeLabReport.write(result, to: $0, renderer: renderer) }
        print(NormalizeLabReport.summary(result))
        print("trained \(result.batchNorm.trainedNets) deep nets; wrote \(urls.count) figures, each with its JSON, to \(folder.path)/")
    }
}
