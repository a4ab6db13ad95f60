extension Sequential {
    /// A multilayer perceptron `D₀ → h₁ → … → hₖ → C`: every hidden layer is affine, then the
    /// activation, then dropout with keep probability `keep` when `keep < 1`; the output layer is
    /// affine only (the scores a loss takes).
    ///
    /// Weights follow `initializer` (Kaiming normal by default, the He et al. 2015 choice for
    /// ReLU); biases start at 0. Draws every weight from `generator`, layer by layer.
    /// Shapes: input [N, D₀], output [N, C].
    public static func mlp(inputs: Int, hidden: [Int], outputs: Int, activation: Activation = .relu,
                           keep: Double = 1, variant: Dropout.Variant = .inverted,
                           initializer: Initializer = .kaimingNormal(),
                           using generator: inout RandomStream) -> Sequential {
        precondition(inputs > 0 && outputs > 0 && hidden.allSatisfy { $0 > 0 },
                     "layer sizes must be positive: \(inputs), \(hidden), \(outputs)")
        var layers: [Layer] = []
        var width = inputs
        for units in hidden {
            layers.append(.affine(Affine(inputs: width, outputs: units, initializer: initializer, using: &generator)))
            layers.append(.activation(activation))
            if keep < 1 { layers.append(.dropout(Dropout(keepProbability: keep, variant: variant))) }
            width = units
        }
        // The output layer gets Xavier-scaled weights: it feeds a softmax, not a ReLU, so the
        // initial scores stay small and the initial loss near log C.
        layers.append(.affine(Affine(inputs: width, outputs: outputs, initializer: .xavierNormal(gain: 0.1),
                                     using: &generator)))
        return Sequential(layers)
    }

    /// The same layers with every dropout layer's keep probability and variant replaced.
    public func withDropout(keep: Double, variant: Dropout.Variant) -> Sequential {
        Sequential(layers.map { layer in
            if case .dropout = layer { return .dropout(Dropout(keepProbability: keep, variant: variant)) }
            return layer
        })
    }
}
