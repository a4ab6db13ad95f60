import ArgumentParser
import Foundation
import NNEngine
import NNFiles
import SearchLab

/// `lab search [run]`: runs a search's trials (all of them, or one shard's) and, run whole,
/// draws its five figures.
struct SearchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a search (the default of lab search): every trial, or one shard's with --shard I/N.",
        discussion: """
            Trains small ReLU nets on the UCI digits over learning rate × weight decay and writes five figures with their \
            JSON: grid-vs-random, sampling, coarse-to-fine, cross-validation, ensemble. Each trial is written as it finishes \
            to <out>/search/trials/<search>-trial-<i>.json; a killed search run again skips the trials already done.
            With --shard I/N only trials i ≡ I (mod N) run and no figures are drawn; the search has 3 stages (the fine \
            stage needs stage 1's results, cross-validation and the ensemble need stage 2's), so run the shards once per \
            stage, then lab search merge DIR... (see labs/search/README.md).
            """)

    @Option(help: "Run only the trials whose index is I mod N (I from 0), e.g. 0/4; draws no figures.")
    var shard: String?

    @Option(help: "Hidden layer sizes, comma-separated, e.g. 32 or 32,32.")
    var hidden = "32"

    @Option(help: "Training epochs of every trial.")
    var epochs = SearchConfiguration().epochs

    @Option(help: "Minibatch size.")
    var batchSize = SearchConfiguration().batchSize

    @Option(help: "Training digits kept (default: all of the training part, 60%).")
    var trainCount: Int?

    @Option(help: "Learning-rate range LOW,HIGH of the coarse stage and of figure 2's samples, e.g. 1e-5,1e-1. (default: 1e-5,1e-2)")
    var lr: String?

    @Option(help: "Weight-decay range LOW,HIGH of the coarse stage and of figure 2's samples. (default: 1e-6,1e-1)")
    var weightDecay: String?

    @Option(help: "Values per axis of figure 1's grid (and the random points: the square of it).")
    var grid = SearchConfiguration().grid

    @Option(help: "Trials of log-uniform and of uniform sampling, each (figure 2).")
    var samples = SearchConfiguration().samples

    @Option(help: "Trials of the coarse stage (figure 3).")
    var coarse = SearchConfiguration().coarse

    @Option(help: "Trials of the fine stage (figure 3).")
    var fine = SearchConfiguration().fine

    @Option(help: "Folds of the cross-validation (figure 4).")
    var folds = SearchConfiguration().folds

    @Option(help: "Best configurations cross-validated (figure 4).")
    var cvTop = SearchConfiguration().crossValidated

    @Option(help: "Best configurations in the ensemble (figure 5).")
    var ensemble = SearchConfiguration().ensemble

    @OptionGroup var common: CommonOptions

    func configuration() throws -> SearchConfiguration {
        var c = SearchConfiguration()
        c.hidden = try CommaList.items([hidden], option: "--hidden", example: "32,32", what: "a whole number", parse: Int.init)
        c.epochs = epochs
        c.batchSize = batchSize
        c.trainCount = trainCount
        c.grid = grid
        if let lr { c.learningRate = try Self.range(lr, option: "--lr") }
        if let weightDecay { c.weightDecay = try Self.range(weightDecay, option: "--weight-decay") }
        c.samples = samples
        c.coarse = coarse
        c.fine = fine
        c.folds = folds
        c.crossValidated = cvTop
        c.ensemble = ensemble
        c.seed = common.seed
        try c.validate()
        return c
    }

    /// `LOW,HIGH` as a range.
    static func range(_ text: String, option: String) throws -> LogRange {
        let bounds = try CommaList.items([text], option: option, example: "1e-5,1e-1", what: "a number", parse: Double.init)
        guard bounds.count == 2 else { throw LabError("\(option) '\(text)' is not LOW,HIGH, e.g. \(option) 1e-5,1e-1") }
        return LogRange(bounds[0], bounds[1])
    }

    func run() throws {
        let c = try configuration()
        let searchFolder = try common.outFolder().appendingPathComponent("search")
        let trials = TrialStore.trialsFolder(in: searchFolder)
        if let shard {
            let part = try Shard(parsing: shard)
            let summary = try SearchLab.run(c, shard: part, trials: trials, progress: ProgressLine.standardError())
            ProgressLine.finish()
            print(SearchStatus.line(summary, search: c.identity, shard: part, trials: trials))
            return
        }
        let renderer = try common.renderer()
        let output = try common.output(for: "search")
        let summary = try SearchLab.run(c, trials: trials, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let result = try SearchLab.merge(TrialStore.gather(search: c, in: trials))
        _ = try output.replace { try SearchReport.write(result, to: $0, renderer: renderer) }
        print(SearchReport.summary(result))
        print("search \(c.identity): trained \(summary.trained) trials, kept \(summary.skipped) finished ones; "
              + "wrote 5 figures, each with its JSON, and the \(result.trialCount) trial files to \(output.url.path)/")
    }
}
