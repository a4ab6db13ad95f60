import NNEngine

/// One way of initializing the deep net: how the weights are drawn and which nonlinearity follows
/// each layer. The built-in schemes are the lecture's experiments (CS231n lecture 6, "Weight
/// Initialization"), and `--init`/`--activation` make a custom one.
public struct Scheme: Equatable, Sendable {
    /// The name used on the command line and in file names.
    public var name: String
    public var initializer: Initializer
    public var activation: Activation
    /// What the lecture says this scheme does to the activations.
    public var expectation: String

    public init(name: String, initializer: Initializer, activation: Activation, expectation: String = "") {
        self.name = name
        self.initializer = initializer
        self.activation = activation
        self.expectation = expectation
    }

    /// `W = 0.01·randn`, tanh: activations shrink layer by layer towards zero, and so do dL/dW.
    public static let small = Scheme(name: "small", initializer: .normal(std: 0.01), activation: .tanh,
                                     expectation: "activations collapse to zero; gradients dL/dW vanish")
    /// `W = 0.05·randn`, tanh: pre-activations have std ≈ 0.05·√4096 = 3.2, so tanh saturates at ±1.
    public static let large = Scheme(name: "large", initializer: .normal(std: 0.05), activation: .tanh,
                                     expectation: "tanh saturates at ±1; local gradients are near zero")
    /// `W = c` for every weight: every unit of a layer computes the same value, for every input.
    public static let constant = Scheme(name: "constant", initializer: .constant(0.01), activation: .tanh,
                                        expectation: "all units in a layer are identical: the symmetry is never broken")
    /// `W = 1/4096` for every weight, tanh: as `constant`, but each layer's z = W·Σh = mean of its
    /// inputs at the default width, so nothing saturates (std ≈ 0.016 in every layer): the units
    /// stay identical, and so do their gradients, from symmetry alone.
    public static let constantSmall = Scheme(name: "constant-small", initializer: .constant(1.0 / 4096), activation: .tanh,
                                             expectation: "all units in a layer are identical and get identical gradients: the symmetry is never broken")
    /// `W = randn/√Din`, tanh (the lecture's Xavier; for square layers it equals Glorot's √(2/(Din+Dout))).
    public static let xavierTanh = Scheme(name: "xavier-tanh", initializer: .xavierNormal(), activation: .tanh,
                                          expectation: "activations stay nicely scaled in every layer")
    /// `W = randn/√Din`, ReLU: ReLU zeroes half of each layer's variance, so the std shrinks by √2 per layer.
    public static let xavierReLU = Scheme(name: "xavier-relu", initializer: .xavierNormal(), activation: .relu,
                                          expectation: "activations collapse towards zero (Xavier assumes a zero-centred activation)")
    /// `W = randn·√(2/Din)`, ReLU (He et al. 2015): the factor 2 restores the variance ReLU removes.
    public static let kaimingReLU = Scheme(name: "kaiming-relu", initializer: .kaimingNormal(), activation: .relu,
                                           expectation: "activations stay nicely scaled in every layer")

    /// The lecture's experiments, in the order the slides show them.
    public static let builtIn: [Scheme] = [small, large, constant, constantSmall, xavierTanh, xavierReLU, kaimingReLU]

    /// The built-in scheme called `name`.
    /// - Throws: `LabError` listing the valid names.
    public static func named(_ name: String) throws -> Scheme {
        guard let scheme = builtIn.first(where: { $0.name == name.lowercased() }) else {
            throw LabError("unknown scheme '\(name)'; valid: \(builtIn.map(\.name).joined(separator: ", "))")
        }
        return scheme
    }
}
