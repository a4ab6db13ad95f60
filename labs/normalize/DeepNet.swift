import NNEngine

/// The deep net of figure 3: `depth` hidden layers of `width` units, each affine, then (with batch
/// norm) `BatchNorm`, then the saturating nonlinearity; an affine output layer of C scores.
/// Batch norm goes between the affine map and the nonlinearity, as in Ioffe & Szegedy (2015):
/// it is the pre-activation whose distribution decides whether tanh or the sigmoid saturates.
/// Shapes: input [N, D₀], scores [N, C].
public struct DeepNet: Equatable, Sendable {
    /// How the hidden weights are drawn: the init study's schemes, sized for this net.
    public enum InitScheme: String, CaseIterable, Codable, Sendable {
        /// Glorot & Bengio's N(0, 2/(Din + Dout)): the scheme that keeps tanh nets scaled.
        case xavier
        /// `0.01·randn`: activations shrink towards zero layer by layer.
        case small
        /// `3.2/√Din · randn`, the init study's `0.05·randn` at 4096 inputs: pre-activations with
        /// std ≈ 3.2, so tanh and the sigmoid saturate (0.05 itself is not large for 32 inputs).
        case large
        /// Every weight 0.01: every unit of a layer computes the same thing.
        case constant

        func initializer(inputs: Int) -> Initializer {
            switch self {
            case .xavier: return .xavierNormal()
            case .small: return .normal(std: 0.01)
            case .large: return .normal(std: 3.2 / Double(inputs).squareRoot())
            case .constant: return .constant(0.01)
            }
        }

        /// What the legend says.
        public var title: String {
            switch self {
            case .xavier: return "Xavier"
            case .small: return "0.01·randn"
            case .large: return "3.2/√Din·randn"
            case .constant: return "constant 0.01"
            }
        }
    }

    public var depth: Int
    public var width: Int
    public var activation: Activation
    public var batchNorm: Bool
    public var scheme: InitScheme

    /// The model, its weights drawn from `initialization` of `seed`. The same seed gives the
    /// same affine weights with and without batch norm (batch norm draws nothing), so a
    /// comparison changes one thing only.
    func model(inputs: Int, classes: Int, seed: UInt64) -> Sequential {
        var generator = RandomStream(seed: seed, path: .initialization)
        var layers: [Layer] = []
        var fanIn = inputs
        for _ in 0..<depth {
            layers.append(.affine(Affine(inputs: fanIn, outputs: width, initializer: scheme.initializer(inputs: fanIn), using: &generator)))
            if batchNorm { layers.append(.batchNorm(BatchNorm(features: width))) }
            layers.append(.activation(activation))
            fanIn = width
        }
        // Small output scores: the initial loss near log C whatever the hidden scheme.
        layers.append(.affine(Affine(inputs: fanIn, outputs: classes, initializer: .xavierNormal(gain: 0.1), using: &generator)))
        return Sequential(layers)
    }

    /// The output of every hidden nonlinearity for the batch `x` [N, D₀], each [N, width], in
    /// training mode on a copy: batch norm uses the batch's statistics, as during training, and
    /// the model is not changed.
    static func hiddenActivations(_ model: Sequential, _ x: Tensor) -> [Tensor] {
        var copy = model
        var unused = RandomStream(seed: 0)  // no dropout: nothing is drawn
        var h = x
        var outputs: [Tensor] = []
        for i in copy.layers.indices {
            h = copy.layers[i].forward(h, mode: .training, using: &unused).output
            if case .activation = copy.layers[i] { outputs.append(h) }
        }
        return outputs
    }
}
