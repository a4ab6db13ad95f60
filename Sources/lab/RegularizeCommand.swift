import ArgumentParser
import Foundation
import NNEngine
import NNRender
import RegularizeLab

/// `lab regularize`: capacity against regularization, L2 / L1 / elastic net / max-norm, bias and
/// variance, early stopping, label smoothing and augmentation (000 and 003 decks).
struct RegularizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regularize",
        abstract: "Regularization: capacity vs λ, L2/L1/elastic net/max-norm, bias-variance, early stopping, label smoothing, augmentation.",
        discussion: """
            Trains small ReLU nets on a 2-D spiral and on a few hundred UCI digits, fits polynomials to noisy samples, \
            and writes nine figures with their JSON: capacity, capacity-lambda, penalties, weight-histograms, penalty-paths, \
            bias-variance, early-stopping, label-smoothing, augmentation.
            """)

    @Option(help: "Hidden units of the one-layer spiral nets, comma-separated.")
    var units = "3,6,20"

    @Option(help: "L2 strengths λ of the widest spiral net, comma-separated.")
    var capacityLambdas = "0.001,0.01,0.1"

    @Option(help: "Points per spiral arm, in the training and in the test set.")
    var pointsPerClass = 50

    @Option(help: "Angular noise of the spiral.")
    var planarNoise = 0.4

    @Option(help: "Training epochs of the spiral nets.")
    var planarEpochs = 1000

    @Option(help: "Hidden layer sizes of the digits nets, comma-separated.")
    var hidden = "100"

    @Option(help: "Training digits kept (deliberately few, to overfit).")
    var trainCount = 300

    @Option(help: "Training epochs of the digits nets (the augmented ones train --copies times fewer).")
    var epochs = 60

    @Option(help: "Minibatch size of the digits nets.")
    var batchSize = 32

    @Option(help: "Plain SGD learning rate of the digits nets.")
    var lr = 0.05

    @Option(help: "Penalty strengths λ of the L2 / L1 / elastic-net sweep, comma-separated.")
    var lambdas = "0.0001,0.0003,0.001,0.003,0.01,0.03"

    @Option(help: "The λ whose weight histograms are drawn (one of --lambdas).")
    var histogramLambda = 0.003

    @Option(help: "Max-norm limits c, comma-separated.")
    var maxNorms = "0.25,0.5,1,2"

    @Option(help: "Label smoothing ε.")
    var smoothing = 0.1

    @Option(help: "Std of the Gaussian input noise, in normalized pixel units.")
    var inputNoise = 0.5

    @Option(help: "Augmented copies of every training digit.")
    var copies = 5

    @Option(help: "Seeds per variant in the smoothing and augmentation comparisons.")
    var seeds = 4

    @Option(help: "Highest polynomial degree of the bias-variance figure.")
    var maxDegree = 15

    @Option(help: "Noisy training points per draw in the bias-variance figure.")
    var samplePoints = 30

    @Option(help: "Training-set sizes of the bias-variance figure's second panel, comma-separated.")
    var sampleSizes = "20,30,50,100,200,400"

    @Option(help: "Independent training sets per degree and size.")
    var draws = 200

    @Option(help: "Std σ of the noise on the polynomial targets.")
    var noise = 0.3

    @Option(help: "The digits file (65 comma-separated integers a row, gzip or plain); default: the shipped copy.")
    var dataFile: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var c = RegularizeConfiguration()
        func ints(_ text: String, _ option: String, _ example: String) throws -> [Int] {
            try CommaList.items([text], option: option, example: example, what: "a whole number", parse: Int.init)
        }
        func numbers(_ text: String, _ option: String, _ example: String) throws -> [Double] {
            try CommaList.items([text], option: option, example: example, what: "a number", parse: Double.init)
        }
        c.capacityUnits = try ints(units, "--units", "3,6,20")
        c.capacityLambdas = try numbers(capacityLambdas, "--capacity-lambdas", "0.001,0.01,0.1")
        c.planarPointsPerClass = pointsPerClass
        c.planarNoise = planarNoise
        c.planarEpochs = planarEpochs
        c.hidden = try ints(hidden, "--hidden", "100")
        c.trainCount = trainCount
        c.epochs = epochs
        c.batchSize = batchSize
        c.learningRate = lr
        c.lambdas = try numbers(lambdas, "--lambdas", "0.001,0.01")
        c.histogramLambda = histogramLambda
        c.maxNorms = try numbers(maxNorms, "--max-norms", "1,2,4")
        c.smoothing = smoothing
        c.inputNoise = inputNoise
        c.copies = copies
        c.seeds = seeds
        guard (1...30).contains(maxDegree) else { throw LabError("--max-degree must be in 1...30, got \(maxDegree)") }
        c.degrees = 1...maxDegree
        c.samplePoints = samplePoints
        c.sampleSizes = try ints(sampleSizes, "--sample-sizes", "20,50,100")
        c.draws = draws
        c.noise = noise
        c.seed = common.seed
        if let dataFile { c.digitsFile = URL(fileURLWithPath: dataFile) }
        try c.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "regularize")
        let folder = output.url

        let result = try RegularizeLab.run(c, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let urls = try output.replace { try RegularizeReport.write(result, to: $0, renderer: renderer) }
        print(RegularizeReport.summary(result))
        print("trained \(result.trainedNets) nets; wrote \(urls.count) figures, each with its JSON, to \(folder.path)/")
    }
}
