import NNEngine

/// A classifier's predicted class over a square grid of the plane, for `ClassMapPlot`.
public struct DecisionMap: Codable, Sendable {
    public var name: String
    public var xs: [Double]
    public var ys: [Double]
    /// The class at `(xs[i], ys[j])`, stored at `j · xs.count + i`.
    public var classes: [Int]
    public var trainAccuracy: Double

    /// Evaluates `scores` (inputs [N, 2] → scores [N, C]) on a `size`×`size` grid over `range`².
    static func grid(_ name: String, range: ClosedRange<Double>, size: Int, accuracy: Double,
                     scores: (Tensor) -> Tensor) -> DecisionMap {
        let axis = (0..<size).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(size - 1) }
        var points: [Double] = []
        points.reserveCapacity(2 * size * size)
        for y in axis { for x in axis { points += [x, y] } }
        let s = scores(Tensor(shape: [size * size, 2], scalars: points))
        let classes = (0..<size * size).map { i in (1..<s.shape[1]).reduce(0) { s[i, $1] > s[i, $0] ? $1 : $0 } }
        return DecisionMap(name: name, xs: axis, ys: axis, classes: classes, trainAccuracy: accuracy)
    }
}
