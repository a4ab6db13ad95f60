import ArgumentParser
import DropoutLab
import Foundation
import NNEngine
import NNRender

/// `lab dropout`: dropout as an ensemble of sub-networks, the expectation argument for test-time
/// scaling, inverted dropout, Monte Carlo dropout and model ensembles (000, 001, 003, 004 decks).
struct DropoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropout",
        abstract: "Dropout: overfitting, vanilla vs inverted scaling, the two-input neuron, MC dropout, ensembles.",
        discussion: """
            Trains ReLU nets on a small part of the UCI digits (and wide ones on a noisy spiral) with keep \
            probabilities p, and writes six figures with their JSON: overfitting, vanilla-vs-inverted, two-input-neuron, \
            mc-dropout, ensembles, decision-boundaries.
            Datasets: digits, \(SyntheticDataset.names.joined(separator: ", ")).
            Optimizers: \(OptimizerKind.names.joined(separator: ", ")).
            """)

    @Option(help: "Data set: digits (the UCI digits) or a 2-D set: spiral, circles, moons, xor, blobs.")
    var dataset = "digits"

    @Option(help: "Number of classes (digits: the first C digits; spiral and blobs: C arms or clusters, at most 100).")
    var classes: Int?

    @Option(help: "Keep probabilities p in (0, 1], comma-separated or repeated.")
    var keep: [String] = []

    @Option(help: "Hidden layer sizes of the digits nets, comma-separated, e.g. 48,48.")
    var hidden = "48,48"

    @Option(help: "Hidden layer sizes of the nets on a 2-D set (the spiral panel, the decision regions, or every net with a 2-D --dataset).")
    var planarHidden = "256,256"

    @Option(help: "Keep probability of the digits' input pixels in every dropout net, max(p, this); 1 turns input dropout off.")
    var inputKeep = 0.8

    @Option(help: "Training epochs of the digits nets (the 2-D sets train \(DropoutLabConfiguration.planarEpochMultiplier)× as many).")
    var epochs = 150

    @Option(help: "Learning rate.")
    var lr = 1e-3

    @Option(help: "Optimizer, e.g. adam, sgd, momentum:0.9.")
    var optimizer = "adam"

    @Option(help: "Minibatch size.")
    var batchSize = 32

    @Option(help: "Training examples kept from the digits (deliberately few, to overfit).")
    var trainCount = 200

    @Option(help: "Independently initialized nets in the ensemble figure.")
    var ensemble = 8

    @Option(help: "Independent ensembles per training set in the ensemble figure, for the gain's spread over seeds (the first is drawn).")
    var ensembleRepeats = 5

    @Option(help: "Training digits of the ensemble figure's second, small-data ensemble, below --train-count (0: none). (default: 50 when --train-count is above 50, else none)")
    var smallEnsembleCount: Int?

    @Option(help: "Largest number K of Monte Carlo dropout passes.")
    var mcSamples = 1000

    @Option(help: "Cells per side of the decision-region grid.")
    var grid = 100

    @Option(help: "The digits file (65 comma-separated integers a row, gzip or plain, at most 64 MiB either way); default: the shipped copy.")
    var dataFile: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var configuration = DropoutLabConfiguration()
        configuration.dataset = try DatasetChoice(parsing: dataset, classes: classes)
        let keeps = try CommaList.items(keep, option: "--keep", example: "1,0.8,0.5", what: "a number", parse: Double.init)
        if !keeps.isEmpty { configuration.keeps = keeps }
        configuration.hidden = try CommaList.items([hidden], option: "--hidden", example: "48,48", what: "a whole number", parse: Int.init)
        configuration.planarHidden = try CommaList.items([planarHidden], option: "--planar-hidden", example: "256,256",
                                                         what: "a whole number", parse: Int.init)
        configuration.inputKeep = inputKeep
        configuration.epochs = epochs
        configuration.learningRate = lr
        configuration.optimizer = try OptimizerKind(parsing: optimizer)
        configuration.batchSize = batchSize
        configuration.trainCount = trainCount
        configuration.ensembleSize = ensemble
        configuration.ensembleRepeats = ensembleRepeats
        // The default small ensemble steps aside for a training set that is already that small;
        // one asked for by name must fit (the library's validation says so).
        configuration.smallEnsembleTrainCount = smallEnsembleCount
            ?? (trainCount > DropoutLabConfiguration.defaultSmallEnsembleTrainCount ? DropoutLabConfiguration.defaultSmallEnsembleTrainCount : 0)
        configuration.mcSamples = mcSamples
        configuration.gridSize = grid
        configuration.seed = common.seed
        if let dataFile { configuration.digitsFile = URL(fileURLWithPath: dataFile) }
        try configuration.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "dropout")
        let folder = output.url

        let result = try DropoutLab.run(configuration, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let urls = try output.replace { try DropoutLabReport.write(result, to: $0, renderer: renderer) }
        print(DropoutLabReport.summary(result))
        print("trained \(result.trainedNets) nets; wrote \(urls.count) figures, each with its JSON, to \(folder.path)/")
    }
}
