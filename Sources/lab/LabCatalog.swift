/// Every lab the tool offers, for `lab list` and `lab all`.
enum LabCatalog: String, CaseIterable {
    case initStudy = "init-study"
    case dropout

    /// The lecture point the lab reproduces, in one line.
    var summary: String {
        switch self {
        case .initStudy:
            return "weight init through 6 layers of 4096: 0.01·randn collapses, 0.05·randn saturates, Xavier (tanh) and Kaiming (ReLU) stay scaled"
        case .dropout:
            return "dropout closes the train/validation gap; vanilla = inverted scaling; E[a] = p·a_test; MC dropout and model ensembles"
        }
    }

    /// Runs the lab with its defaults and the shared options.
    func run(_ common: CommonOptions) throws {
        switch self {
        case .initStudy:
            try InitStudyCommand.parse(common.arguments).run()
        case .dropout:
            try DropoutCommand.parse(common.arguments).run()
        }
    }
}
