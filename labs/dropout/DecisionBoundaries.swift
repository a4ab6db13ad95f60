import NNEngine

/// Figure 6: the decision regions of three classifiers of the same 2-D set: a wide net without
/// dropout (jagged regions that chase individual noisy points), the same net with dropout
/// (smoother), and an ensemble of independently initialized nets without dropout (averaging the
/// probabilities smooths the regions too).
public struct DecisionBoundaries: Codable, Equatable, Sendable {
    public struct Map: Codable, Equatable, Sendable {
        public var name: String
        public var trainAccuracy: Double
        public var testAccuracy: Double
        /// Predicted class per grid cell, row by row from the bottom: [gridSize²].
        public var classes: [Int]
    }

    public var dataset: String
    public var classCount: Int
    /// Grid coordinates (in the standardized input space).
    public var xs: [Double]
    public var ys: [Double]
    public var maps: [Map]
    /// The training points drawn over the maps: x, y and class.
    public var pointsX: [Double]
    public var pointsY: [Double]
    public var pointLabels: [Int]

    /// A `size × size` grid over the training and test points' bounding box plus a 10% margin.
    static func grid(_ data: [Dataset], size: Int) -> (xs: [Double], ys: [Double], points: Tensor) {
        let all = data.flatMap { $0.features.scalars }
        let x = stride(from: 0, to: all.count, by: 2).map { all[$0] }, y = stride(from: 1, to: all.count, by: 2).map { all[$0] }
        func axis(_ v: [Double]) -> [Double] {
            let (lo, hi) = (v.min()!, v.max()!)
            let margin = 0.1 * (hi - lo)
            return (0..<size).map { lo - margin + (hi - lo + 2 * margin) * Double($0) / Double(size - 1) }
        }
        let (xs, ys) = (axis(x), axis(y))
        var points: [Double] = []
        points.reserveCapacity(2 * size * size)
        for yv in ys { for xv in xs { points += [xv, yv] } }
        return (xs, ys, Tensor(shape: [size * size, 2], scalars: points))
    }

    /// Grid cells evaluated at once: 10 000 through a 256-wide layer is 20 MB of activations.
    static let gridBlock = 10_000

    /// `models` are named classifiers, each a list of nets whose probabilities are averaged.
    static func run(_ models: [(name: String, nets: [Sequential])], data: PreparedData, gridSize: Int) -> DecisionBoundaries {
        let split = data.split
        let (xs, ys, points) = grid([split.train, split.test], size: gridSize)
        func average(_ nets: [Sequential], _ x: Tensor) -> Tensor {
            var sum = nets[0].probabilities(x)
            for net in nets.dropFirst() { sum.add(net.probabilities(x), scaledBy: 1) }
            return sum
        }
        // The grid goes through the nets `gridBlock` cells at a time: all at once, a 1000² grid
        // through 256-256 nets held 4.3 GB of hidden activations.
        func classes(_ nets: [Sequential]) -> [Int] {
            stride(from: 0, to: points.shape[0], by: gridBlock).flatMap { start -> [Int] in
                let end = Swift.min(start + gridBlock, points.shape[0])
                let block = Tensor(shape: [end - start, 2], scalars: Array(points.scalars[(2 * start)..<(2 * end)]))
                return Sequential.argmaxRows(average(nets, block))
            }
        }
        let maps = models.map { name, nets in
            Map(name: name,
                trainAccuracy: Sequential.accuracy(Sequential.argmaxRows(average(nets, split.train.features)), split.train.labels),
                testAccuracy: Sequential.accuracy(Sequential.argmaxRows(average(nets, split.test.features)), split.test.labels),
                classes: classes(nets))
        }
        let train = split.train.features
        return DecisionBoundaries(dataset: data.name, classCount: data.classCount, xs: xs, ys: ys, maps: maps,
                                  pointsX: (0..<train.shape[0]).map { train[$0, 0] },
                                  pointsY: (0..<train.shape[0]).map { train[$0, 1] }, pointLabels: split.train.labels)
    }
}
