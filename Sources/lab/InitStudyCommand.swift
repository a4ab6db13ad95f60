import ArgumentParser
import Foundation
import InitStudy
import NNEngine
import NNRender

/// `lab init-study`: activation and gradient statistics through a deep net under each
/// initialization scheme (CS231n lecture 6).
struct InitStudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-study",
        abstract: "Weight initialization: small weights collapse, large ones saturate, Xavier and Kaiming stay scaled.",
        discussion: """
            Pushes x ~ N(0,1) [batch, width] through depth layers h = f(h W) without bias, then a random \
            upstream gradient back, and plots per-layer histograms of h and dL/dW for each scheme.
            Schemes: \(Scheme.builtIn.map(\.name).joined(separator: ", ")).
            --init and --activation define a custom scheme, e.g. --init orthogonal --activation tanh.
            Initializers: \(Initializer.names.joined(separator: "; ")).
            Activations: \(Activation.names.joined(separator: ", ")).
            """)

    @Option(name: .customLong("scheme"), help: "Schemes to run, comma-separated or repeated (default: all built-in).")
    var schemes: [String] = []

    @Option(help: "Number of layers.")
    var depth = 6

    @Option(help: "Units per layer; the depth width×width float64 weight matrices may take 4 GiB.")
    var width = 4096

    @Option(help: "Inputs per batch.")
    var batch = 16

    @Option(help: "Histogram bins per panel.")
    var bins = 60

    @Option(name: .customLong("init"), help: "Initializer of a custom scheme, e.g. normal:0.02, kaiming-uniform:fan_out.")
    var initializer: String?

    @Option(help: "Activation of a custom scheme, e.g. tanh, relu, leaky-relu:0.1.")
    var activation: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let configuration = InitStudyConfiguration(depth: depth, width: width, batch: batch, seed: common.seed, bins: bins)
        try configuration.validate()
        let selected = try selectedSchemes()
        let renderer = try common.renderer()
        let output = try common.output(for: "init-study")
        let folder = output.url

        let result = try InitStudy.run(configuration, schemes: selected)
        let urls = try output.replace { try InitStudyReport.write(result, to: $0, renderer: renderer) }
        print(InitStudyReport.table(result))
        print("wrote \(urls.count) figures, each with its JSON, to \(folder.path)/")
    }

    /// The built-in schemes named by --scheme, plus the custom one from --init/--activation.
    func selectedSchemes() throws -> [Scheme] {
        let names = try CommaList.items(schemes, option: "--scheme", example: "small,xavier-tanh")
        var selected = try names.map(Scheme.named)
        if initializer != nil || activation != nil {
            let custom = Scheme(name: "custom",
                                initializer: try initializer.map(Initializer.init(parsing:)) ?? .xavierNormal(),
                                activation: try activation.map(Activation.init(parsing:)) ?? .tanh,
                                expectation: "a custom scheme from --init and --activation")
            selected.append(custom)
        } else if selected.isEmpty {
            selected = Scheme.builtIn
        }
        var seen = Set<String>()
        return selected.filter { seen.insert($0.name).inserted }
    }
}
