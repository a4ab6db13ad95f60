import ArgumentParser
import Foundation
import LossesLab
import NNEngine

/// `lab losses`: which loss for which output (003, 004 decks): MSE vs cross-entropy on a sigmoid,
/// BCE as softplus, hinge vs cross-entropy, mean vs median, KL asymmetry, the L2 and KL surfaces.
struct LossesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "losses",
        abstract: "Losses: MSE vs cross-entropy on a sigmoid, BCE = softplus, hinge, mean vs median, KL asymmetry, L2 vs KL surfaces.",
        discussion: """
            Writes six figures with their JSON: mse-vs-cross-entropy, bce-softplus, hinge-vs-cross-entropy, \
            mean-vs-median, kl-asymmetry, l2-vs-kl-surface.
            """)

    @Option(help: "Draws of the skewed sample that MSE and MAE fit a constant to.")
    var sampleSize = 1000

    @Option(help: "Adam steps of the constant fits and of the Gaussian (KL) fits.")
    var fitSteps = 2000

    @Option(help: "Random examples of the perceptron whose error surfaces are drawn.")
    var examples = 100

    @Option(help: "Cells per side of the error-surface grid.")
    var grid = 121

    @Option(help: "The error surfaces span weights in [-range, range]².")
    var range = 10.0

    @OptionGroup var common: CommonOptions

    func run() throws {
        var c = LossesLabConfiguration()
        c.sampleSize = sampleSize
        c.fitSteps = fitSteps
        c.perceptronExamples = examples
        c.surfaceGrid = grid
        c.surfaceRange = range
        c.seed = common.seed
        try c.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "losses")
        let result = try LossesLab.run(c, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let urls = try output.replace { try LossesLabReport.write(result, to: $0, renderer: renderer) }
        print(LossesLabReport.summary(result))
        print("wrote \(urls.count) figures, each with its JSON, to \(output.url.path)/")
    }
}
