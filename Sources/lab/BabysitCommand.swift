import ArgumentParser
import BabysitLab
import Foundation
import NNEngine
import NNRender

/// `lab babysit`: babysitting the learning process (001 deck), the monitoring of the 000 deck and
/// the schedules of the 004 deck, on a real net trained on the UCI digits.
struct BabysitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "babysit",
        abstract: "Babysitting the learning process: sanity checks, lr finder, loss curves, update/weight ratios, schedules, batch noise.",
        discussion: """
            Trains many short ReLU nets (in parallel) and writes the figures with their JSON: sanity-checks, lr-finder, \
            loss-curves, accuracy-curves, update-ratios, activation-histograms, gradient-histograms, first-layer-weights, schedules, batch-size.
            Datasets: digits, \(SyntheticDataset.names.joined(separator: ", ")).
            Optimizers: \(OptimizerKind.names.joined(separator: ", ")).
            Schedules: \(LearningRateSchedule.names.joined(separator: ", ")) (T, K, EVERY in updates; PATIENCE in epochs).
            """)

    @Option(help: "Data set: digits (the UCI digits) or a 2-D set: spiral, circles, moons, xor, blobs.")
    var dataset = "digits"

    @Option(help: "Hidden layer sizes, comma-separated, e.g. 64,64.")
    var hidden = "64,64"

    @Option(help: "Optimizer of the good run, the loss curves, schedules and batch sizes, e.g. momentum:0.9, adam, sgd.")
    var optimizer = "momentum:0.9"

    @Option(help: "Learning rate of the good run (the loss curves scale it ×30 and ÷100).")
    var lr = 0.01

    @Option(help: "The learning-rate finder's sweep LOW,HIGH (log-spaced).")
    var lrRange = "1e-6,10"

    @Option(help: "Epochs of every training.")
    var epochs = 20

    @Option(help: "Minibatch size (figure 6's linear scaling is relative to it).")
    var batchSize = 32

    @Option(help: "Schedules to compare with the constant rate in the schedules figure, repeated (default: step, exponential, 1/t, cosine, cosine with restarts, warm-up, plateau, sized to the run).")
    var schedule: [String] = []

    @Option(help: "The digits file (65 comma-separated integers a row, gzip or plain); default: the shipped copy.")
    var dataFile: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var configuration = BabysitConfiguration()
        configuration.dataset = try BabysitDataset(parsing: dataset)
        configuration.hidden = try CommaList.items([hidden], option: "--hidden", example: "64,64", what: "a whole number", parse: Int.init)
        configuration.optimizer = try OptimizerKind(parsing: optimizer)
        configuration.learningRate = lr
        configuration.finderRange = try BabysitConfiguration.parseRange(lrRange)
        configuration.epochs = epochs
        configuration.batchSize = batchSize
        configuration.schedules = try schedule.map(LearningRateSchedule.init(parsing:))
        configuration.seed = common.seed
        if let dataFile { configuration.digitsFile = URL(fileURLWithPath: dataFile) }
        try configuration.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "babysit")

        let result = try BabysitLab.run(configuration, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let urls = try output.replace { try BabysitReport.write(result, to: $0, renderer: renderer) }
        print(BabysitReport.summary(result))
        print("trained \(result.trainedNets) nets; wrote \(urls.count) figures, each with its JSON, to \(output.url.path)/")
    }
}
