import Foundation
import NNEngine

/// Figure 3 (002 deck, "what if we don't use any activation function?"): three affine layers
/// with nothing between them compute x W₁W₂W₃ + ((b₁W₂ + b₂)W₃ + b₃), one affine map, so the
/// trained deep net's boundary is a line, the product matrix reproduces its scores to rounding,
/// and the same layers with ReLU between them bend the boundary.
public struct LinearCollapseResult: Codable, Sendable {
    public var layerSizes: [Int]
    /// The product W = W₁W₂W₃ [2, 2] row-major, and the collapsed bias b [2].
    public var productMatrix: [Double]
    public var productBias: [Double]
    /// max |deep net scores − (x W + b)| over the training points and the grid.
    public var maxScoreDifference: Double
    public var deepLinear: DecisionMap
    public var collapsed: DecisionMap
    public var withReLU: DecisionMap
}

enum LinearCollapse {
    static let sizes = [2, 16, 16, 2]

    static func run(_ c: NeuronsLabConfiguration, data: Dataset, root: RandomStream) throws -> LinearCollapseResult {
        let x = data.features, labels = data.labels
        func net(_ activation: Activation?, stream: Int) -> Sequential {
            var g = root.stream(.fit(10 + stream))
            var layers: [Layer] = []
            for i in 0..<(sizes.count - 1) {
                layers.append(.affine(Affine(inputs: sizes[i], outputs: sizes[i + 1], initializer: .xavierNormal(), using: &g)))
                if let activation, i < sizes.count - 2 { layers.append(.activation(activation)) }
            }
            return Sequential(layers)
        }
        let fits = try Parallel.map(2) { i in
            try FullBatchFit.fit(net(i == 0 ? nil : .relu, stream: i), x: x, targets: .classes(labels), loss: .softmaxCrossEntropy(),
                                 steps: c.fitSteps)
        }
        let deep = fits[0].model
        // Collapse: fold each affine layer into the running (W, b): (W, b) ← (W Wₖ, b Wₖ + bₖ).
        var w = Tensor(matrix: [[1, 0], [0, 1]]), b = Tensor(zeros: [1, 2])
        for case .affine(let layer) in deep.layers {
            w = Tensor.matmul(w, layer.weight)
            b = Tensor.matmul(b, layer.weight).addingToEachRow(layer.bias)
        }
        let bias = b.reshaped(to: [b.count])
        let single = Sequential([.affine(Affine(weight: w, bias: bias))])
        let deepMap = DecisionMap.grid("3 affine layers, no activation", range: LinearLimits.range, size: LinearLimits.gridSize,
                                       accuracy: FullBatchFit.accuracy(deep.predict(x), labels: labels)) { deep.predict($0) }
        let collapsed = DecisionMap.grid("one matrix W = W₁W₂W₃", range: LinearLimits.range, size: LinearLimits.gridSize,
                                         accuracy: FullBatchFit.accuracy(single.predict(x), labels: labels)) { single.predict($0) }
        var difference = (deep.predict(x) - single.predict(x)).scalars.map(abs).max() ?? 0
        let grid = Tensor(shape: [collapsed.xs.count, 2], scalars: collapsed.xs.flatMap { [$0, 1 - $0] })
        difference = max(difference, (deep.predict(grid) - single.predict(grid)).scalars.map(abs).max() ?? 0)
        let relu = fits[1].model
        return LinearCollapseResult(layerSizes: sizes, productMatrix: w.scalars, productBias: bias.scalars, maxScoreDifference: difference,
                                    deepLinear: deepMap, collapsed: collapsed,
                                    withReLU: .grid("same layers with ReLU", range: LinearLimits.range, size: LinearLimits.gridSize,
                                                    accuracy: FullBatchFit.accuracy(relu.predict(x), labels: labels)) { relu.predict($0) })
    }
}
