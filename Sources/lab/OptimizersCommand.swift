import ArgumentParser
import Foundation
import NNEngine
import NNRender
import Optimizers

/// `lab optimizers`: optimizer paths on Beale's function, a long valley, a saddle and more, with
/// animations (the `004` deck's "Visualizing the optimizers").
struct OptimizersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimizers",
        abstract: "Optimizer trajectories on Beale's function, a valley and a saddle, with animations.",
        discussion: """
            Runs every optimizer from the same start on each test function and draws contour maps with the \
            paths, loss against step, animated GIFs, and a learning-rate sweep for SGD on the valley.
            Functions: \(TestFunction.allCases.map(\.rawValue).joined(separator: ", ")).
            Optimizers: \(OptimizerKind.names.joined(separator: ", ")).
            Schedules: \(LearningRateSchedule.names.joined(separator: ", ")). Clipping: \(GradientClipping.names.joined(separator: ", ")).
            Unset values take each function's lecture defaults (see labs/optimizers/README.md).
            """)

    @Option(name: .customLong("function"), help: "Test functions, comma-separated or repeated (default: all).")
    var functions: [String] = []

    @Option(name: .customLong("optimizer"), help: "Optimizers, comma-separated or repeated, e.g. adam:0.9,0.99 (default: the eight of the lecture).")
    var optimizers: [String] = []

    @Option(parsing: .unconditional, help: "Start X,Y for every function, e.g. -1.5,1e-3 (default: per function).")
    var start: String?

    @Option(help: "Updates per run, 1...\(OptimizersConfiguration.stepLimit) (default: per function).")
    var steps: Int?

    // Values parse `.unconditional`ly so that `--lr -0.1` reaches validation and is refused for
    // its sign, rather than taken for an option and reported as a missing value.
    @Option(parsing: .unconditional, help: "One learning rate for every optimizer (default: tuned per function and optimizer).")
    var lr: Double?

    @Option(parsing: .unconditional, help: "μ of momentum and Nesterov.")
    var momentum: Double?

    @Option(parsing: .unconditional, help: "β1 of Adam and AdaMax.")
    var beta1: Double?

    @Option(parsing: .unconditional, help: "β2 of Adam and AdaMax.")
    var beta2: Double?

    @Option(parsing: .unconditional, help: "ρ of RMSprop and Adadelta.")
    var rho: Double?

    @Option(parsing: .unconditional, help: "ε of Adagrad, RMSprop, Adadelta and Adam.")
    var eps: Double?

    @Option(parsing: .unconditional, help: "σ of the seeded N(0, σ²) noise added to every gradient component (stochastic mode).")
    var noise: Double = 0

    @Option(parsing: .unconditional, help: "Gradient clipping: none, value:THETA (or THETA), norm:MAX.")
    var clip: String = "none"

    @Option(parsing: .unconditional, help: "L2 weight decay λ.")
    var weightDecay: Double = 0

    @Option(help: "Learning-rate schedule: constant, step:FACTOR,EVERY, exp:GAMMA, inv:K, cosine:T[,restart], warmup:K (T, K, EVERY in updates).")
    var schedule: String = "constant"

    @Flag(help: "Skip the animated GIFs.")
    var noAnimation = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let configuration = try makeConfiguration()
        try configuration.validate()
        let renderer = try common.renderer()
        let output = try common.output(for: "optimizers")
        let folder = output.url

        let result = try OptimizersStudy.run(configuration)
        let secondOrder = SecondOrderStudy.run(result)
        let noise = configuration.functions.contains(.valley)
            ? NoiseDecayStudy.run(seed: configuration.seed, noise: RandomStream(seed: configuration.seed).stream(StreamKey("noise-decay"))) : nil
        let urls = try output.replace { folder in
            try OptimizersReport.write(result, to: folder, renderer: renderer)
                + SecondOrderReport.write(secondOrder, noise: noise, seed: configuration.seed, to: folder, renderer: renderer)
        }
        print(OptimizersReport.table(result))
        print(SecondOrderReport.table(secondOrder, noise: noise))
        print("wrote \(urls.count) figures, each with its JSON, to \(folder.path)/")
    }

    /// The options parsed into the lab's typed configuration.
    func makeConfiguration() throws -> OptimizersConfiguration {
        // Optimizer spellings carry commas of their own (adam:0.9,0.99), so only repeated flags
        // and commas before a name separate optimizers.
        let kinds = try optimizerSpellings().map(OptimizerKind.init(parsing:))
        let functionNames = try CommaList.items(functions, option: "--function", example: "beale,saddle")
        var seen = Set<String>()
        let parsedSchedule = try LearningRateSchedule(parsing: schedule)
        guard !parsedSchedule.needsValidationMetric else {
            throw LabError("schedule '\(schedule)' needs a validation loss after every epoch; a trajectory on a test function has none (lab babysit uses it)")
        }
        return OptimizersConfiguration(
            functions: functionNames.isEmpty ? TestFunction.allCases : try functionNames.map(TestFunction.init(parsing:)).filter { seen.insert($0.rawValue).inserted },
            optimizers: kinds.isEmpty ? OptimizersConfiguration.lectureOptimizers : kinds,
            start: try start.map(Point2D.init(parsing:)),
            steps: steps, learningRate: lr,
            overrides: HyperparameterOverrides(momentum: momentum, beta1: beta1, beta2: beta2, rho: rho, epsilon: eps),
            options: OptimizerOptions(clipping: try GradientClipping(parsing: clip), weightDecay: weightDecay,
                                      schedule: parsedSchedule),
            noise: noise, seed: common.seed, animation: !noAnimation)
    }

    /// `--optimizer sgd,adam:0.9,0.99,momentum` → `sgd`, `adam:0.9,0.99`, `momentum`: a piece
    /// that is a number continues the previous optimizer's hyperparameters.
    /// An empty piece is kept inside a spelling (`adam:0.9,,0.99` is then refused by the optimizer's
    /// parser, naming the empty hyperparameter); anywhere else it is refused here.
    func optimizerSpellings() throws -> [String] {
        var spellings: [String] = []
        for value in optimizers {
            let pieces = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.contains(where: { !$0.isEmpty }) else {
                throw LabError("--optimizer is empty; give at least one optimizer, e.g. --optimizer sgd,adam:0.9,0.99")
            }
            var first = true
            for piece in pieces {
                if !first, let last = spellings.last, last.contains(":"), Double(piece) != nil || piece.isEmpty {
                    spellings[spellings.count - 1] = last + "," + piece
                } else if piece.isEmpty {
                    throw LabError("--optimizer '\(value)' has an empty item between commas; e.g. --optimizer sgd,adam:0.9,0.99")
                } else {
                    spellings.append(piece)
                }
                first = false
            }
        }
        return spellings
    }
}
