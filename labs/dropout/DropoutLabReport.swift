import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `DropoutLabResult` into six figures, each with a JSON of the numbers it plots, the
/// run's parameters and seeds:
/// `overfitting`, `vanilla-vs-inverted`, `two-input-neuron`, `mc-dropout`, `ensembles`,
/// `decision-boundaries` (`.png`/`.svg`/`.pdf` and `.json`).
public enum DropoutLabReport {
    /// The run's parameters, repeated in every JSON so that each file stands on its own.
    struct Parameters: Codable {
        var lab = "dropout"
        var dataset: String
        var keeps: [Double]
        /// Hidden layers of the digits nets, and of the nets on 2-D sets.
        var hidden: [Int]
        var planarHidden: [Int]
        var activation = "relu"
        var dropoutPlacement = "after every hidden activation, and on the digits' inputs with keep max(p, inputKeep); inverted unless stated"
        var inputKeep: Double
        /// Epochs on the digits, and on the 2-D sets.
        var epochs: Int, planarEpochs: Int, batchSize: Int
        var optimizer: OptimizerConfiguration
        var trainCount: Int, smallEnsembleTrainCount: Int, ensembleSize: Int, mcSamples: Int, gridSize: Int
        var seed: UInt64
        var data: [String]
        var keptModel = "figure 1: every epoch, final numbers the mean of the last 5 epochs (the end of training); "
            + "figures 2, 4, 5, 6: each run's epoch with the best validation accuracy (early-stopping snapshot)"
    }

    struct Document<Body: Encodable>: Encodable {
        var figure: String
        var finding: String
        /// The nets whose loss became NaN or ∞ (empty when every run completed): this figure's
        /// numbers come from their best epoch before it.
        var divergences: [NetDivergence]
        var parameters: Parameters
        var results: Body
    }

    /// Writes every figure (one gnuplot process) and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ result: DropoutLabResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let parameters = Parameters(dataset: c.dataset.name, keeps: c.keeps, hidden: c.hidden, planarHidden: c.planarHidden,
                                    inputKeep: c.inputKeep, epochs: c.epochs,
                                    planarEpochs: c.epochs * DropoutLabConfiguration.planarEpochMultiplier,
                                    batchSize: c.batchSize, optimizer: c.optimizerConfiguration, trainCount: c.trainCount,
                                    smallEnsembleTrainCount: c.smallEnsembleTrainCount, ensembleSize: c.ensembleSize,
                                    mcSamples: c.mcSamples, gridSize: c.gridSize, seed: c.seed, data: result.data)
        let findings = DropoutLabFindings(result)
        let figures = DropoutLabFigures(result: result, findings: findings)
        let jobs: [(name: String, figure: any Figure)] = [
            ("overfitting", figures.overfitting), ("vanilla-vs-inverted", figures.scaling),
            ("two-input-neuron", figures.neuron), ("mc-dropout", figures.monteCarlo),
            ("ensembles", figures.ensembles), ("decision-boundaries", figures.boundaries),
        ]
        let urls = jobs.map { renderer.url(for: $0.name, in: folder) }
        try renderer.render(zip(jobs, urls).map { ($0.figure, $1) })
        func json<T: Encodable>(_ name: String, _ figure: String, _ finding: String, _ body: T) throws {
            try JSONOutput.write(Document(figure: figure, finding: finding, divergences: result.divergences, parameters: parameters, results: body),
                                 to: folder.appendingPathComponent("\(name).json"), figure: renderer.url(for: name, in: folder))
        }
        try json("overfitting", "train and validation accuracy and loss per epoch for each keep probability p",
                 findings.overfitting, result.overfitting)
        try json("vanilla-vs-inverted", "test probabilities of a vanilla-dropout net with test-time scaling against the same weights rescaled for inverted dropout",
                 findings.scaling, result.scaling)
        try json("two-input-neuron", "E[a] over the four dropout masks of a = w1 x + w2 y, against p times the test-time activation",
                 findings.neuron, result.neuron)
        try json("mc-dropout", "accuracy and agreement with the weight-scaled prediction against the number K of stochastic passes",
                 findings.monteCarlo, result.monteCarlo)
        try json("ensembles", "test accuracy against ensemble size, probabilities averaged before the argmax; one study per training-set size",
                 findings.ensembles, result.ensembles)
        try json("decision-boundaries", "predicted class over a grid of the 2-D inputs, with the training points",
                 findings.boundaries, result.boundaries)
        return urls
    }

    /// One line about the nets that diverged, or nil if none did: "3 of 13 nets diverged; the
    /// first: digits (200 training examples), p = 1.0: loss became NaN at step 13 (after 1 epoch):
    /// learning rate too high?". Printed, and in the titles of the figures whose curves stop.
    public static func divergenceLine(_ result: DropoutLabResult) -> String? {
        guard let first = result.divergences.first else { return nil }
        return "\(result.divergences.count) of \(result.trainedNets) nets diverged; "
            + (result.divergences.count > 1 ? "the first: " : "") + first.message
    }

    /// The findings, one per figure, for the terminal.
    public static func summary(_ result: DropoutLabResult) -> String {
        let f = DropoutLabFindings(result)
        return [("1 overfitting", f.overfitting), ("2 vanilla vs inverted", f.scaling), ("3 two-input neuron", f.neuron),
                ("4 MC dropout", f.monteCarlo), ("5 ensembles", f.ensembles), ("6 decision regions", f.boundaries)]
            .map { "figure \($0.0): \($0.1)" }.joined(separator: "\n") + (divergenceLine(result).map { "\n\($0)" } ?? "")
    }
}
