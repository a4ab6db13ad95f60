/// The lecture decks the labs reproduce (the course's lecture notes), so
/// that a figure's caption can say where its point is made.
enum LectureDeck: String, CaseIterable, Sendable {
    /// `000`: activations, init, regularization, dropout, optimizers, ensembles, batch norm.
    case deepFeedforward = "000"
    /// `001`: the 6-layer init experiment, dropout as an ensemble, data augmentation, the recipe.
    case trainingNeuralNetworks = "001"
    /// `002`: MLP forward/backward, Xavier and He.
    case csc411 = "002"
    /// `003`: input normalization, losses, regularization, ensembles and dropout.
    case cookBook = "003"
    /// `004`: momentum to Adam, the optimizer visualizations, batch norm, clipping.
    case optimization = "004"

    /// The deck's title as it is printed on its first slide.
    var title: String {
        switch self {
        case .deepFeedforward: return "Deep Feedforward Networks (Spring 2020)"
        case .trainingNeuralNetworks: return "CS231n Lecture 6: Training Neural Networks"
        case .csc411: return "CSC 411 Lecture 10: Neural Networks I"
        case .cookBook: return "Deep Learning Cook Book"
        case .optimization: return "Training Neural Networks: Optimization, Part 2"
        }
    }

    /// The deck an exercise's lecture tag (`000 backpropagation`) names, if any.
    init?(tag: String) {
        self.init(rawValue: String(tag.prefix(3)))
    }
}
