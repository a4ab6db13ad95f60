import Foundation
import NNEngine

/// Figure 2 (002 deck, "limits of linear classifiers"): the deck's canonical example, "do the 2
/// input elements have the same value?" (XOR's complement on two bits, here with a little noise
/// around the four corners): logistic regression cannot do better than a line, and one hidden
/// layer of two tanh units solves it; the hidden layer maps the points to new coordinates
/// (h₁, h₂) where a line separates them.
public struct LinearLimitsResult: Codable, Sendable {
    /// The data: x, y and the class (1 where the two bits are the same).
    public var pointsX: [Double]
    public var pointsY: [Double]
    public var labels: [Int]
    public var logistic: DecisionMap
    public var hidden: DecisionMap
    /// The training points in the hidden layer's coordinates, and the output layer's classes
    /// over [−1.1, 1.1]² of those coordinates (a line, since that layer is linear).
    public var featureX: [Double]
    public var featureY: [Double]
    public var featureMap: DecisionMap
    /// The final training loss of each of the hidden-layer restarts; the figure keeps the lowest.
    public var restartLosses: [Double]
    public var restartAccuracies: [Double]
    public var logisticLoss: Double
}

enum LinearLimits {
    static let gridSize = 121
    static let restarts = 4
    static let range = -0.6...1.6
    /// The noise around each corner: small enough that the four clusters never touch.
    static let noise = 0.12

    /// `points` draws of a random corner (a, b) ∈ {0, 1}² plus N(0, noise²) on each coordinate,
    /// labelled 1 when a = b ("same value") and 0 otherwise: [N, 2] features.
    static func sameValueData(points: Int, using g: inout RandomStream) -> Dataset {
        var features: [Double] = [], labels: [Int] = []
        for _ in 0..<points {
            let (a, b) = (Int(g.next() % 2), Int(g.next() % 2))
            features += [Double(a) + noise * g.normal(), Double(b) + noise * g.normal()]
            labels.append(a == b ? 1 : 0)
        }
        return Dataset(features: Tensor(shape: [points, 2], scalars: features), labels: labels, classCount: 2)
    }

    static func run(_ c: NeuronsLabConfiguration, data: Dataset, root: RandomStream) throws -> LinearLimitsResult {
        let x = data.features, labels = data.labels
        var g = root.stream(.fit(0))
        let logistic = try FullBatchFit.fit(Sequential([.affine(Affine(inputs: 2, outputs: 2, initializer: .xavierNormal(), using: &g))]),
                                            x: x, targets: .classes(labels), loss: .softmaxCrossEntropy(), steps: c.fitSteps)
        // Two tanh units can represent XOR, but gradient descent from a random start sometimes
        // stalls with both units on one diagonal: a few restarts, all reported, the best drawn.
        let fits = try Parallel.map(restarts) { r -> FullBatchFit.Outcome in
            var g = root.stream(.fit(1 + r))
            let net = Sequential([.affine(Affine(inputs: 2, outputs: 2, initializer: .xavierNormal(gain: 2), using: &g)), .activation(.tanh),
                                  .affine(Affine(inputs: 2, outputs: 2, initializer: .xavierNormal(), using: &g))])
            return try FullBatchFit.fit(net, x: x, targets: .classes(labels), loss: .softmaxCrossEntropy(), steps: c.fitSteps)
        }
        let best = fits.indices.min { fits[$0].finalLoss < fits[$1].finalLoss }!
        let net = fits[best].model
        let features = Sequential(Array(net.layers.prefix(2))).predict(x)
        let output = Sequential([net.layers[2]])
        let accuracies = fits.map { FullBatchFit.accuracy($0.model.predict(x), labels: labels) }
        let logisticAccuracy = FullBatchFit.accuracy(logistic.model.predict(x), labels: labels)
        return LinearLimitsResult(
            pointsX: (0..<data.count).map { x[$0, 0] }, pointsY: (0..<data.count).map { x[$0, 1] }, labels: labels,
            logistic: .grid("logistic regression", range: range, size: gridSize, accuracy: logisticAccuracy) { logistic.model.predict($0) },
            hidden: .grid("one hidden layer, 2 tanh units", range: range, size: gridSize, accuracy: accuracies[best]) { net.predict($0) },
            featureX: (0..<data.count).map { features[$0, 0] }, featureY: (0..<data.count).map { features[$0, 1] },
            featureMap: .grid("output layer on (h₁, h₂)", range: -1.1...1.1, size: gridSize, accuracy: accuracies[best]) { output.predict($0) },
            restartLosses: fits.map(\.finalLoss), restartAccuracies: accuracies, logisticLoss: logistic.finalLoss)
    }
}
