import NNEngine

/// One net the lab trains: its data, architecture, penalty and seeds. Every job is independent,
/// so they all run at once on every core; each draws only from its own seeds.
struct NetJob: Sendable {
    /// What the net is trained on.
    enum Data: Sendable {
        /// The 2-D spiral of figure 1.
        case planar
        /// The normalized training digits as they are.
        case digits
        /// `copies` copies of the training digits with Gaussian noise of std σ on every pixel.
        case noisyDigits(sigma: Double)
        /// `copies` randomly rotated, scaled and shifted copies of the training digits.
        case jitteredDigits
    }

    var data: Data
    var hidden: [Int]
    var optimizer: OptimizerConfiguration
    var loss: Loss = .softmaxCrossEntropy()
    var regularizer: Regularizer?
    var penaltyStep: PenaltyStep = .subgradient
    var maxNorm: MaxNorm?
    var epochs: Int
    var batchSize: Int
    /// Seeds the weights (stream `initialization`), the shuffles (see `Trainer`) and the
    /// augmented copies (stream `sample 0`).
    var seed: UInt64

    /// Builds the ReLU MLP, makes its training set and trains it, validating every epoch.
    func run(planar: PlanarData, digits: DigitsData, copies: Int) throws -> Trainer.Result {
        let root = RandomStream(seed: seed)
        var initialization = root.stream(.initialization)
        var augmentation = root.stream(.sample(0))
        let train: Dataset, validation: Dataset
        switch data {
        case .planar:
            (train, validation) = (planar.train, planar.test)
        case .digits:
            (train, validation) = (digits.split.train, digits.split.validation)
        case .noisyDigits(let sigma):
            train = DigitJitter.noisy(digits.split.train, copies: copies, sigma: sigma, using: &augmentation)
            validation = digits.split.validation
        case .jitteredDigits:
            let raw = DigitJitter.transformed(digits.rawTrain, copies: copies, using: &augmentation)
            train = raw.replacingFeatures(digits.normalize(raw.features))
            validation = digits.split.validation
        }
        let model = Sequential.mlp(inputs: train.featureCount, hidden: hidden, outputs: train.classCount, using: &initialization)
        let configuration = TrainingConfiguration(epochs: epochs, batchSize: batchSize, optimizer: optimizer, loss: loss,
                                                  regularizer: regularizer, maxNorm: maxNorm, seed: root.stream(.masks).word(at: 0),
                                                  penaltyStep: penaltyStep)
        return try Trainer.train(model, on: train, validation: validation, configuration: configuration)
    }
}
