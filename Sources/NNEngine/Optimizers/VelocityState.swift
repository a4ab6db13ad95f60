/// The state of the momentum methods: one velocity `v` per parameter, starting at zero.
/// Shapes: `v` has the parameter's shape.
public struct VelocityState: OptimizerState {
    public var velocity: Tensor
    public init(zerosLike parameter: Tensor) { velocity = Tensor(zeros: parameter.shape) }
}
