/// The rectangle `[x.lowerBound, x.upperBound] × [y.lowerBound, y.upperBound]` a contour plot shows,
/// and the region a trajectory on an unbounded function must stay in.
public struct PlotDomain: Equatable, Codable, Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    /// `true` when `point` lies in the closed rectangle (NaN coordinates lie outside).
    public func contains(_ point: Point2D) -> Bool { x.contains(point.x) && y.contains(point.y) }
}
