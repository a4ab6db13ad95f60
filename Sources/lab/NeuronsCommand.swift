import ArgumentParser
import Foundation
import NeuronsLab
import NNEngine

/// `lab neurons`: from one neuron to a network (000, 002, 003 decks): activations, XOR, depth
/// without non-linearity, universal approximation, ReLU vs tanh and sigmoid, dead ReLUs, backprop by hand.
struct NeuronsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neurons",
        abstract: "Neurons: activations, XOR, no activation = linear, universal approximation, ReLU vs tanh/sigmoid, backprop by hand.",
        discussion: """
            Writes seven figures with their JSON: activations, xor, no-activation, universal-approximation, \
            relu-vs-tanh, backprop-graph, gradient-check-steps.
            """)

    @Option(help: "Hidden-unit counts of the 1-D fits, comma-separated.")
    var units = "1,3,10,50"

    @Option(help: "Full-batch Adam steps of the small fits (XOR, the linear net, the 1-D fits).")
    var fitSteps = 2000

    @Option(help: "Points of the XOR set.")
    var xorPoints = 200

    @Option(help: "Seeds of the ReLU/tanh/sigmoid and dead-ReLU studies.")
    var seeds = 5

    @Option(help: "SGD epochs of each ReLU/tanh/sigmoid net.")
    var epochs = 60

    @Option(help: "Units in each hidden layer of the ReLU/tanh/sigmoid nets.")
    var hidden = 64

    @Option(help: "Hidden layers of the ReLU/tanh/sigmoid nets.")
    var depth = 4

    @Option(help: "SGD learning rate of the ReLU/tanh/sigmoid nets.")
    var lr = 0.05

    @Option(help: "Training loss whose epoch count is compared across activations.")
    var targetLoss = 0.6

    @Option(help: "Learning rates of the dead-ReLU sweep, comma-separated.")
    var deadLr = "0.01,0.1,1,3,10"

    @OptionGroup var common: CommonOptions

    func run() throws {
        var c = NeuronsLabConfiguration()
        c.approximationUnits = try CommaList.items([units], option: "--units", example: "1,3,10,50", what: "a whole number", parse: Int.init)
        c.fitSteps = fitSteps
        c.xorPoints = xorPoints
        c.speedSeeds = seeds
        c.speedEpochs = epochs
        c.speedHidden = hidden
        c.speedDepth = depth
        c.speedLearningRate = lr
        c.targetLoss = targetLoss
        c.deadLearningRates = try CommaList.items([deadLr], option: "--dead-lr", example: "0.01,0.1,1", what: "a number", parse: Double.init)
        c.seed = common.seed
        try c.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "neurons")
        let result = try NeuronsLab.run(c, progress: ProgressLine.standardError())
        ProgressLine.finish()
        let urls = try output.replace { try NeuronsLabReport.write(result, to: $0, renderer: renderer) }
        print(NeuronsLabReport.summary(result))
        print("wrote \(urls.count) figures, each with its JSON, to \(output.url.path)/")
    }
}
