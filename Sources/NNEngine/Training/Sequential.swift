/// A feed-forward network: layers applied one after the other, `y = fₖ(… f₂(f₁(x)))`, with the
/// backward pass running the chain rule through them in reverse.
///
/// Shapes: input [N, D₀], output [N, Dₖ]. Parameters are exposed as one ordered list of tensors
/// (layer by layer, each layer's in its own order), the same order the gradients come in, so an
/// optimizer can update them pairwise: `model.parameters[i]` with `gradients.parameters[i]`.
public struct Sequential: Equatable, Sendable {
    public var layers: [Layer]

    /// Every layer's cache, in order.
    public struct Cache: Sendable {
        public let layers: [Layer.Cache]
    }

    /// The gradient w.r.t. the network input [N, D₀] and w.r.t. every parameter, in
    /// `parameters` order.
    public struct Gradients: Sendable {
        public let input: Tensor
        public let parameters: [Tensor]
    }

    public init(_ layers: [Layer]) {
        self.layers = layers
    }

    /// The forward pass in `mode`, keeping every layer's cache: [N, D₀] → [N, Dₖ]. Training mode
    /// draws dropout masks from `generator` and updates batch-norm running estimates.
    public mutating func forward(_ x: Tensor, mode: Mode,
                                 using generator: inout RandomStream) -> (output: Tensor, cache: Cache) {
        var h = x
        var caches: [Layer.Cache] = []
        caches.reserveCapacity(layers.count)
        for i in layers.indices {
            let (y, cache) = layers[i].forward(h, mode: mode, using: &generator)
            caches.append(cache)
            h = y
        }
        return (h, Cache(layers: caches))
    }

    /// The inference output: deterministic, no caches, the model unchanged.
    public func predict(_ x: Tensor) -> Tensor {
        layers.reduce(x) { $1.inference($0) }
    }

    /// The backward pass from the upstream gradient `∂L/∂y` [N, Dₖ] (e.g. a loss's gradient).
    ///
    /// Training needs only the parameter gradients: with `inputGradient: false` the pass stops at
    /// the first layer with parameters, without its `∂x` (for a first affine layer, a product as
    /// large as its weight gradient), and `Gradients.input` is empty (shape [0]).
    public func backward(_ upstream: Tensor, cache: Cache, inputGradient: Bool = true) -> Gradients {
        precondition(cache.layers.count == layers.count,
                     "cache has \(cache.layers.count) layers, the model \(layers.count)")
        let firstWithParameters = layers.firstIndex { !$0.parameterKinds.isEmpty } ?? layers.count
        let last = inputGradient ? 0 : firstWithParameters
        var g = upstream
        var perLayer: [[Tensor]] = Array(repeating: [], count: layers.count)
        for i in layers.indices.reversed() where i >= last {
            let grads = layers[i].backward(g, cache: cache.layers[i], inputGradient: inputGradient || i > last)
            perLayer[i] = grads.parameters
            g = grads.input
        }
        return Gradients(input: inputGradient ? g : Tensor(zeros: [0]), parameters: perLayer.flatMap { $0 })
    }

    /// Every learnable tensor, layer by layer. Setting writes them back in the same order.
    public var parameters: [Tensor] {
        get { layers.flatMap(\.parameters) }
        set {
            precondition(newValue.count == parameters.count,
                         "\(newValue.count) parameters given, the model has \(parameters.count)")
            var next = 0
            for i in layers.indices {
                let n = layers[i].parameters.count
                layers[i].parameters = Array(newValue[next..<(next + n)])
                next += n
            }
        }
    }

    /// Lends every learnable tensor to `body` to update in place, then puts them back.
    ///
    /// Meanwhile the layers hold empty placeholders, so the lent tensors are uniquely referenced
    /// and an optimizer step writes them without copy-on-write: through `parameters` (get, then
    /// set) every step would copy every weight matrix.
    public mutating func updateParameters<R>(_ body: (inout [Tensor]) throws -> R) rethrows -> R {
        var lent = parameters
        let counts = layers.map { $0.parameterKinds.count }
        for i in layers.indices { layers[i].replaceParameters(with: Array(repeating: Tensor(zeros: [0]), count: counts[i])) }
        let shapes = lent.map(\.shape)
        defer {
            precondition(lent.map(\.shape) == shapes, "updateParameters changed parameter shapes")
            var next = 0
            for i in layers.indices {
                layers[i].replaceParameters(with: Array(lent[next..<(next + counts[i])]))
                next += counts[i]
            }
        }
        return try body(&lent)
    }

    /// What each of `parameters` is, in the same order.
    public var parameterKinds: [ParameterKind] { layers.flatMap(\.parameterKinds) }

    /// The number of learnable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
