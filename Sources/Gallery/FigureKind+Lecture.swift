import Grading
import NNEngine

extension FigureKind {
    /// The lecture's claim each figure reproduces, in the decks' words where they have them, and
    /// the deck that makes it (the exercises name their own lecture; the sheets carry their own
    /// point in their JSON, which `FigureKind+Numbers` prefers).
    var lecture: (point: String, deck: LectureDeck?) {
        switch self {
        case .activations, .gradients:
            return ("Weight initialization in a deep net: W = 0.01·randn makes the activations collapse to zero and dL/dW vanish, "
                    + "larger weights saturate tanh, constant weights leave every unit identical; Xavier (tanh) and Kaiming (ReLU) keep every layer's scale.", .trainingNeuralNetworks)
        case .initSummary:
            return ("Activation and gradient scale through the layers, every scheme: only a scaled initialization keeps both level "
                    + "(the 6-layer, 4096-unit experiment).", .trainingNeuralNetworks)
        case .contour(let f), .animation(let f):
            return ("Visualizing the optimizers: " + Self.surfacePoint(f), .optimization)
        case .loss(let f):
            return ("The same runs against step, on a log scale: " + Self.surfacePoint(f), .optimization)
        case .learningRateSweep, .learningRateSweepPaths:
            return ("Learning rate: too low and the loss crawls; too high and it oscillates or explodes to Inf or NaN.", .trainingNeuralNetworks)
        case .overfitting:
            return ("Dropout as regularization: randomly zeroing units in the forward pass narrows the gap between training "
                    + "and validation.", .trainingNeuralNetworks)
        case .vanillaVersusInverted:
            return ("Vanilla dropout scales the activations by p at test time; the more common inverted dropout divides by p "
                    + "during training instead: the same predictions.", .trainingNeuralNetworks)
        case .twoInputNeuron:
            return ("Consider a single neuron a = w₁x + w₂y: with p = ½ the four dropout masks average to E[a] = ½(w₁x + w₂y), "
                    + "so test time must scale by p.", .trainingNeuralNetworks)
        case .monteCarloDropout:
            return ("Dropout as ensemble averaging: each dropout mask is a new instance of the network; averaging many "
                    + "stochastic passes approaches the weight-scaled net.", .cookBook)
        case .ensembles:
            return ("Model ensembles: train several independent models and average their results at test time "
                    + "(\"enjoy 2% extra performance\").", .trainingNeuralNetworks)
        case .decisionBoundaries:
            return ("Regularization by dropout and by averaging an ensemble: smoother decision regions than one unregularized net.",
                    .cookBook)
        case .contactSheet(let sheet):
            return ("Data augmentation: transformations that keep the label.", sheet == .sixToNine ? .cookBook : .trainingNeuralNetworks)
        case .feedback(let exercise, _):
            let known = ExerciseCatalog.all.first { $0.name == exercise }
            return ("Graded exercise" + (known.map { ": \($0.title)" } ?? " \(exercise)")
                    + "; the grader compares with the engine's reference and names the typical mistake.",
                    known.flatMap { LectureDeck(tag: $0.lecture) })
        case .classScores(let exercise):
            let known = ExerciseCatalog.all.first { $0.name == exercise }
            return ("A class's scores on " + (known?.title ?? exercise) + ".", known.flatMap { LectureDeck(tag: $0.lecture) })
        case .described:
            return ("", nil)   // the JSON's own `caption` says (FigureKind+Caption)
        case .unrecognized:
            return ("A figure no NNLab lab describes (drawn by hand, or by another version of lab).", nil)
        }
    }

    /// What each test surface shows about the optimizers.
    private static func surfacePoint(_ f: TestFunction) -> String {
        switch f {
        case .beale: return "Beale's function, the first of the lecture's animations: every method from one start, across a flat plateau into a narrow curved valley."
        case .valley: return "in a long, ill-conditioned valley SGD zig-zags across the steep direction; momentum builds speed along the shallow one."
        case .saddle: return "at a saddle point SGD lingers where the gradient is tiny; momentum and the adaptive methods escape."
        case .rosenbrock: return "in Rosenbrock's curved valley every method finds the valley fast and the minimum slowly."
        case .himmelblau: return "on Himmelblau's four minima the start and the method decide which minimum is reached."
        }
    }
}
