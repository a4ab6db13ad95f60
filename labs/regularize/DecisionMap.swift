import NNEngine

/// The decision regions of one trained 2-D net: the predicted class at every cell of a grid over
/// the data, with its training and test accuracy (figure 1).
public struct DecisionMap: Codable, Equatable, Sendable {
    public var name: String
    public var hiddenUnits: Int
    /// The L2 strength λ (penalty ½λ‖W‖²), 0 for none.
    public var lambda: Double
    public var trainAccuracy: Double
    public var testAccuracy: Double
    /// ‖W‖ over every weight matrix: L2 keeps it small.
    public var weightNorm: Double
    /// Predicted class per grid cell, row by row from the bottom: [gridSize²].
    public var classes: [Int]
    /// Whether training stopped at a non-finite loss (the map is then of the last finite epoch's best).
    public var diverged: Bool

    /// Cells per side of the grid, and its extent: the spiral lies in [−1, 1]², plus a margin.
    static let gridSize = 100
    static let extent = 1.25

    static var axis: [Double] {
        (0..<gridSize).map { -extent + 2 * extent * Double($0) / Double(gridSize - 1) }
    }

    static func compute(name: String, hiddenUnits: Int, lambda: Double, result: Trainer.Result, data: PlanarData) -> DecisionMap {
        let diverged = !result.history.outcome.isFinite
        let model = diverged ? result.model : result.finalModel
        let axis = Self.axis
        var points: [Double] = []
        points.reserveCapacity(2 * gridSize * gridSize)
        for y in axis { for x in axis { points += [x, y] } }
        let classes = model.predictedLabels(Tensor(shape: [gridSize * gridSize, 2], scalars: points))
        let weights = zip(model.parameters, model.parameterKinds).filter { $0.1 == .weight }.map(\.0)
        return DecisionMap(name: name, hiddenUnits: hiddenUnits, lambda: lambda, trainAccuracy: model.accuracy(on: data.train),
                           testAccuracy: model.accuracy(on: data.test),
                           weightNorm: weights.reduce(0) { $0 + $1.scalars.reduce(0) { $0 + $1 * $1 } }.squareRoot(),
                           classes: classes, diverged: diverged)
    }
}
