/// Every lab the tool offers, for `lab list` and `lab all`.
///
/// The cases are in the order of the lectures (deck 002's neurons and losses first, grading
/// last): `lab list` prints them and `lab all` runs them in this order.
enum LabCatalog: String, CaseIterable {
    case neurons
    case losses
    case initStudy = "init-study"
    case optimizers
    case babysit
    case normalize
    case regularize
    case dropout
    case search
    case augment
    case grading

    /// The lecture point the lab reproduces, in one line.
    var summary: String {
        switch self {
        case .initStudy:
            return "weight init through 6 layers of 4096: 0.01·randn collapses, 0.05·randn saturates, Xavier (tanh) and Kaiming (ReLU) stay scaled"
        case .optimizers:
            return "optimizer paths on Beale, a valley and a saddle: momentum overshoots, adaptive methods escape the saddle; animated GIFs and an SGD learning-rate sweep"
        case .augment:
            return "data augmentation on real photos: every transform as a captioned contact sheet, replayable from its JSON"
        case .grading:
            return "graded exercises: a typical mistake in each, recognized and named (lab exercise, lab grade)"
        case .dropout:
            return "dropout closes the train/validation gap; vanilla = inverted scaling; E[a] = p·a_test; MC dropout and model ensembles"
        case .babysit:
            return "babysitting a net: initial loss log C, overfit 20 examples, lr finder, loss curves to read, update/weight ≈ 1e-3, schedules, batch noise"
        case .regularize:
            return "capacity vs λ, L2/L1/elastic-net/max-norm, bias² + variance, early stopping ≈ L2, label smoothing, augmentation"
        case .search:
            return "hyperparameter search: random beats grid, log-uniform sampling, coarse to fine, k-fold spread, top-k ensemble; shardable and resumable"
        case .normalize:
            return "preprocessing fitted on training data only (and the leak), zig-zag from positive inputs, batch norm in deep sigmoid nets"
        case .neurons:
            return "activations and their gradients, XOR needs a hidden layer, no activation = one matrix, universal approximation, ReLU vs tanh and sigmoid, backprop by hand"
        case .losses:
            return "MSE's gradient vanishes on a wrong sigmoid output, BCE = softplus, hinge vs cross-entropy, MSE → mean and MAE → median, KL asymmetry, L2 vs KL surfaces"
        }
    }

    /// The subcommand that runs the lab, after `lab`.
    var commandWords: [String] {
        self == .grading ? ["exercise", "demo"] : [rawValue]
    }

    /// Runs the lab with its defaults and the shared options.
    func run(_ common: CommonOptions) throws {
        switch self {
        case .initStudy:
            try InitStudyCommand.parse(common.arguments).run()
        case .optimizers:
            try OptimizersCommand.parse(common.arguments).run()
        case .augment:
            try AugmentCommand.parse(common.arguments).run()
        case .grading:
            try ExerciseDemoCommand.parse(common.arguments).run()
        case .dropout:
            try DropoutCommand.parse(common.arguments).run()
        case .babysit:
            try BabysitCommand.parse(common.arguments).run()
        case .regularize:
            try RegularizeCommand.parse(common.arguments).run()
        case .search:
            try SearchRunCommand.parse(common.arguments).run()
        case .normalize:
            try NormalizeCommand.parse(common.arguments).run()
        case .neurons:
            try NeuronsCommand.parse(common.arguments).run()
        case .losses:
            try LossesCommand.parse(common.arguments).run()
        }
    }
}
