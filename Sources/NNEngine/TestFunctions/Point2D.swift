/// A point `(x, y)` of the plane, for the 2-D test functions and their trajectories.
public struct Point2D: Equatable, Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// The point as a parameter vector `[2]`, the shape optimizers step on.
    public var tensor: Tensor { Tensor([x, y]) }

    /// The point from a vector of shape `[2]`.
    public init(_ vector: Tensor) {
        precondition(vector.shape == [2], "a 2-D point needs shape [2], got \(vector.shape)")
        self.init(vector.scalars[0], vector.scalars[1])
    }

    /// `true` when both coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
