extension Layer {
    /// The learnable tensors, in a fixed order: affine and maxout `[W, b]`, PReLU `[a]`,
    /// batch norm `[γ, β]`, none for activations and dropout. Setting writes them back in the
    /// same order (batch norm's running estimates are state, not parameters).
    public var parameters: [Tensor] {
        get {
            switch self {
            case .affine(let layer): return [layer.weight, layer.bias]
            case .maxout(let layer): return [layer.pieces.weight, layer.pieces.bias]
            case .prelu(let layer): return [layer.slope]
            case .batchNorm(let layer): return [layer.gamma, layer.beta]
            case .activation, .dropout: return []
            }
        }
        set {
            precondition(newValue.count == parameters.count && zip(newValue, parameters).allSatisfy { $0.shape == $1.shape },
                         "parameters \(newValue.map(\.shape)) do not match \(parameters.map(\.shape))")
            replaceParameters(with: newValue)
        }
    }

    /// Puts `newValue` in place of the parameters without checking shapes: the building block of
    /// the setter, and of `Sequential.updateParameters`, which parks empty placeholders here.
    mutating func replaceParameters(with newValue: [Tensor]) {
        switch self {
        case .affine(var layer):
            (layer.weight, layer.bias) = (newValue[0], newValue[1])
            self = .affine(layer)
        case .maxout(var layer):
            (layer.pieces.weight, layer.pieces.bias) = (newValue[0], newValue[1])
            self = .maxout(layer)
        case .prelu(var layer):
            layer.slope = newValue[0]
            self = .prelu(layer)
        case .batchNorm(var layer):
            (layer.gamma, layer.beta) = (newValue[0], newValue[1])
            self = .batchNorm(layer)
        case .activation, .dropout:
            break
        }
    }

    /// What each of `parameters` is, in the same order.
    public var parameterKinds: [ParameterKind] {
        switch self {
        case .affine, .maxout: return [.weight, .bias]
        case .prelu: return [.slope]
        case .batchNorm: return [.scale, .shift]
        case .activation, .dropout: return []
        }
    }
}
