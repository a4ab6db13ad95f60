/// An elementwise nonlinearity as a layer: `h = f(z)`, for any `Activation`.
///
/// Shapes: `z`: [N, D], `h`: [N, D]. Backward: `∂z = ∂h ⊙ f′(z)` (the chain rule, elementwise).
/// It has no parameters.
public struct ActivationLayer: Equatable, Sendable {
    /// The function `f`.
    public var activation: Activation

    /// What backward needs: the pre-activation `z` [N, D], where `f′` is evaluated.
    public struct Cache: Sendable {
        public let input: Tensor
    }

    /// The gradient with respect to the pre-activation `z` [N, D].
    public struct Gradients: Sendable {
        public let input: Tensor
    }

    public init(_ activation: Activation) {
        self.activation = activation
    }

    /// `h = f(z)`: [N, D] → [N, D].
    public func forward(_ z: Tensor) -> (output: Tensor, cache: Cache) {
        (activation(z), Cache(input: z))
    }

    /// `∂z = ∂h ⊙ f′(z)` from the upstream gradient `∂h` [N, D].
    public func backward(_ upstream: Tensor, cache: Cache) -> Gradients {
        Gradients(input: activation.backward(upstream, at: cache.input))
    }
}
