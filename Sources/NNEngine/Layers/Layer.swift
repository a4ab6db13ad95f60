/// One layer of a `Sequential` model: a closed set of kinds, each with its own typed cache, so a
/// model can hold different layers without type erasure.
///
/// Shapes: every layer maps a batch [N, D] to [N, M]. `Layer.Cache` pairs with the kind that
/// produced it; passing another kind's cache to `backward` is a programming error.
public enum Layer: Equatable, Sendable {
    case affine(Affine)
    case activation(ActivationLayer)
    case prelu(PReLU)
    case maxout(Maxout)
    case dropout(Dropout)
    case batchNorm(BatchNorm)

    /// The cache of the layer kind that produced it.
    public enum Cache: Sendable {
        case affine(Affine.Cache)
        case activation(ActivationLayer.Cache)
        case prelu(PReLU.Cache)
        case maxout(Maxout.Cache)
        case dropout(Dropout.Cache)
        case batchNorm(BatchNorm.Cache)
    }

    /// The gradient w.r.t. the layer's input [N, D] and w.r.t. each of its `parameters`, in order.
    public struct Gradients: Sendable {
        public let input: Tensor
        public let parameters: [Tensor]
    }

    /// An activation layer: `.activation(ActivationLayer(f))`.
    public static func activation(_ f: Activation) -> Layer { .activation(ActivationLayer(f)) }

    /// The forward pass in `mode`: [N, D] → [N, M]. Dropout draws its mask from `generator` in
    /// training mode; batch norm updates its running estimates in training mode.
    public mutating func forward(_ x: Tensor, mode: Mode,
                                 using generator: inout RandomStream) -> (output: Tensor, cache: Cache) {
        switch self {
        case .affine(let layer):
            let (y, cache) = layer.forward(x)
            return (y, .affine(cache))
        case .activation(let layer):
            let (y, cache) = layer.forward(x)
            return (y, .activation(cache))
        case .prelu(let layer):
            let (y, cache) = layer.forward(x)
            return (y, .prelu(cache))
        case .maxout(let layer):
            let (y, cache) = layer.forward(x)
            return (y, .maxout(cache))
        case .dropout(let layer):
            let (y, cache) = layer.forward(x, mode: mode, using: &generator)
            return (y, .dropout(cache))
        case .batchNorm(var layer):
            let (y, cache) = layer.forward(x, mode: mode)
            self = .batchNorm(layer)
            return (y, .batchNorm(cache))
        }
    }

    /// The inference output, without a generator and without changing the layer.
    public func inference(_ x: Tensor) -> Tensor {
        switch self {
        case .affine(let layer): return layer.forward(x).output
        case .activation(let layer): return layer.forward(x).output
        case .prelu(let layer): return layer.forward(x).output
        case .maxout(let layer): return layer.forward(x).output
        case .dropout(let layer): return layer.inference(x)
        case .batchNorm(let layer): return layer.inference(x)
        }
    }

    /// The backward pass from the upstream gradient [N, M], with the cache `forward` returned.
    /// `inputGradient: false` allows a layer to skip `∂x` (an affine layer then returns it empty).
    public func backward(_ upstream: Tensor, cache: Cache, inputGradient: Bool = true) -> Gradients {
        switch (self, cache) {
        case (.affine(let layer), .affine(let cache)):
            let g = layer.backward(upstream, cache: cache, inputGradient: inputGradient)
            return Gradients(input: g.input, parameters: [g.weight, g.bias])
        case (.activation(let layer), .activation(let cache)):
            return Gradients(input: layer.backward(upstream, cache: cache).input, parameters: [])
        case (.prelu(let layer), .prelu(let cache)):
            let g = layer.backward(upstream, cache: cache)
            return Gradients(input: g.input, parameters: [g.slope])
        case (.maxout(let layer), .maxout(let cache)):
            let g = layer.backward(upstream, cache: cache)
            return Gradients(input: g.input, parameters: [g.weight, g.bias])
        case (.dropout(let layer), .dropout(let cache)):
            return Gradients(input: layer.backward(upstream, cache: cache).input, parameters: [])
        case (.batchNorm(let layer), .batchNorm(let cache)):
            let g = layer.backward(upstream, cache: cache)
            return Gradients(input: g.input, parameters: [g.gamma, g.beta])
        default:
            preconditionFailure("backward of \(self) given a cache of another layer kind")
        }
    }
}
