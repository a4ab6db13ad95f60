import NNEngine

/// The babysitting lab's stream purposes (see `StreamKey`), keyed from the seed.
extension StreamKey {
    /// The seed of the weights every net starts from ("the same initialization" of figures 3–6).
    static let babysitInit = StreamKey("babysit init")
    /// The seed of the shuffles of every training (the same minibatch order for every run).
    static let babysitTraining = StreamKey("babysit training")
    /// The minibatches drawn to measure gradient noise, one stream per net state.
    static func gradientNoise(_ state: Int) -> StreamKey { StreamKey("gradient noise", index: state) }
    /// The 20 examples of the overfitting check.
    static let overfitSample = StreamKey("overfit sample")
}

/// The seeds of one lab run.
struct BabysitSeeds: Sendable {
    var initialization: UInt64
    var training: UInt64
    var root: RandomStream

    init(seed: UInt64) {
        root = RandomStream(seed: seed)
        var i = root.stream(.babysitInit)
        var t = root.stream(.babysitTraining)
        initialization = i.next()
        training = t.next()
    }

    /// The net every study starts from: `Sequential.mlp` with Kaiming-normal ReLU layers, weights
    /// drawn from stream `initialization` of the init seed, each weight matrix times `weightScale`
    /// (1: the proper init; the sanity check's broken ×10 and figure 3's too-small init).
    func model(inputs: Int, hidden: [Int], outputs: Int, weightScale: Double = 1) -> Sequential {
        var generator = RandomStream(seed: initialization, path: .initialization)
        var model = Sequential.mlp(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
        guard weightScale != 1 else { return model }
        let kinds = model.parameterKinds
        model.parameters = zip(model.parameters, kinds).map { $1 == .weight ? $0 * weightScale : $0 }
        return model
    }
}
