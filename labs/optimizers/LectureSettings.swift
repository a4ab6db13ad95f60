import NNEngine

/// The defaults that make each surface tell the lecture's story (`004` deck, "Visualizing the
/// optimizers"), chosen from the numbers the lab prints and the README quotes. Each learning rate
/// is the largest round value at which the rule is stable on that surface from that start, so the
/// comparison is of the rules, not of a badly tuned rate.
public enum LectureSettings {
    /// The start of every run on `function`: the engine's `TestFunction.defaultStart`.
    public static func start(on function: TestFunction) -> Point2D { function.defaultStart }

    /// Updates per run on `function`.
    public static func steps(on function: TestFunction) -> Int {
        switch function {
        case .beale: return 1000
        case .valley: return 200
        case .rosenbrock: return 2000
        case .saddle: return 300
        case .himmelblau: return 300
        }
    }

    /// The learning rate of `kind` on `function`.
    public static func learningRate(_ kind: OptimizerKind, on function: TestFunction) -> Double {
        switch (function, kind) {
        case (_, .adadelta): return 1
        case (.beale, .sgd), (.beale, .momentum), (.beale, .nesterov): return 1e-3
        case (.beale, .adagrad): return 0.5
        case (.beale, .rmsprop): return 0.005
        case (.beale, .adam): return 0.1
        case (.beale, _): return 0.2
        // The lecture's comparison: one learning rate for SGD, momentum and Nesterov. At 0.1
        // SGD shrinks y by 0.6 a step but x only by 0.98 (it crawls along the floor); momentum
        // (μ = 0.9) shrinks both by √0.9 ≈ 0.95. The largest rate SGD tolerates here (0.4,
        // x × 0.92) is as fast as momentum on a valley of condition number 20: see `valleyNote`.
        case (.valley, .sgd), (.valley, .momentum), (.valley, .nesterov): return valleyRate
        // RMSprop's step stays ≈ lr however small the gradient: at 0.5 it rattles around the
        // minimum at f ≈ 0.1; 0.05 settles lower (f ≈ 0.003) without climbing.
        case (.valley, .rmsprop): return 0.05
        case (.valley, _): return 0.5
        case (.rosenbrock, .sgd), (.rosenbrock, .momentum), (.rosenbrock, .nesterov): return 1e-3
        case (.rosenbrock, .adagrad): return 0.5
        case (.rosenbrock, _): return 0.02
        // Momentum's steady step is lr/(1 − μ): 0.001 with μ = 0.9 moves as far per step as
        // SGD's 0.01, so the saddle compares the rules at the same speed.
        case (.saddle, .sgd): return 0.01
        case (.saddle, .momentum), (.saddle, .nesterov): return 0.001
        case (.saddle, .adagrad): return 0.1
        case (.saddle, _): return 0.02
        case (.himmelblau, .sgd), (.himmelblau, .momentum), (.himmelblau, .nesterov): return 0.005
        case (.himmelblau, .adagrad): return 0.5
        case (.himmelblau, _): return 0.05
        }
    }

    /// The one learning rate of SGD, momentum and Nesterov on the valley.
    public static let valleyRate = 0.1

    /// What the figures of `function` say about how its learning rates were chosen, or `nil`.
    public static func note(on function: TestFunction) -> String? {
        function == .valley ? "SGD, momentum and Nesterov at the same lr \(valleyRate)" : nil
    }

    /// The learning rates of the SGD sweep on the valley `0.1·x² + 2·y²`. SGD multiplies y by
    /// `1 − 4·lr` and x by `1 − 0.2·lr` per step: 0.01 crawls along x; 0.4 damps y in a few
    /// oscillations and is near the fastest (both factors equal at lr = 2/4.2 ≈ 0.476); 0.49
    /// flips y with factor −0.96, oscillating across the valley; 0.55 (factor −1.2) diverges.
    public static let sweepLearningRates = [0.01, 0.1, 0.4, 0.49, 0.55]
}
