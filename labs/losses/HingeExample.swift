import Foundation
import NNEngine

/// Figure 3 (003 deck, "hinge loss, calculation example"): the deck's three images and scores
/// (columns cat, car, frog), its hinge losses 1.9, 0.0, 10.9 (margin Δ = 0), CS231n's Δ = 1, and
/// softmax cross-entropy on the same scores; then the car image with its correct score raised by
/// m: the hinge is exactly 0 once the margin holds and passes no gradient, cross-entropy keeps
/// shrinking and always wants more.
public struct HingeExampleResult: Codable, Sendable {
    public struct Example: Codable, Sendable {
        public var image: String
        /// Scores for cat, car, frog.
        public var scores: [Double]
        public var label: Int
        public var hingeZeroMargin: Double
        public var hingeUnitMargin: Double
        public var crossEntropy: Double
        /// ∂L/∂(correct score) under each loss.
        public var hingeGradient: Double
        public var crossEntropyGradient: Double
    }

    public var classes: [String]
    public var examples: [Example]
    /// The deck's printed losses, for comparison.
    public var deckLosses: [Double]
    /// The car image with its correct score raised by `margins[k]`.
    public var margins: [Double]
    public var hingeAlongMargin: [Double]
    public var hingeUnitAlongMargin: [Double]
    public var crossEntropyAlongMargin: [Double]
    public var crossEntropyGradientAlongMargin: [Double]
    public var hingeGradientAlongMargin: [Double]
}

enum HingeExample {
    static let classes = ["cat", "car", "frog"]
    /// The deck's table, one row per image (its columns): scores for cat, car, frog.
    static let scores = [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]]
    static let deckLosses = [1.9, 0.0, 10.9]

    static func run() -> HingeExampleResult {
        let s = Tensor(matrix: scores), labels = [0, 1, 2]
        let hinge0 = Loss.multiclassHinge(margin: 0)(s, .classes(labels))
        let hinge1 = Loss.multiclassHinge(margin: 1)(s, .classes(labels))
        let ce = Loss.softmaxCrossEntropy()(s, .classes(labels))
        let n = Double(labels.count) // the engine's gradients carry 1/N
        let examples = labels.map { i in
            HingeExampleResult.Example(image: "\(classes[i]) image", scores: scores[i], label: i,
                                       hingeZeroMargin: hinge0.perExample[i], hingeUnitMargin: hinge1.perExample[i],
                                       crossEntropy: ce.perExample[i], hingeGradient: hinge1.gradient[i, i] * n,
                                       crossEntropyGradient: ce.gradient[i, i] * n)
        }
        let margins = (0...120).map { -4 + 10 * Double($0) / 120 }
        var along: (h0: [Double], h1: [Double], ce: [Double], dce: [Double], dh: [Double]) = ([], [], [], [], [])
        for m in margins {
            var car = scores[1]
            car[1] += m
            let row = Tensor(matrix: [car])
            along.h0.append(Loss.multiclassHinge(margin: 0)(row, .classes([1])).value)
            let h1 = Loss.multiclassHinge(margin: 1)(row, .classes([1]))
            along.h1.append(h1.value)
            along.dh.append(h1.gradient[0, 1])
            let c = Loss.softmaxCrossEntropy()(row, .classes([1]))
            along.ce.append(c.value)
            along.dce.append(c.gradient[0, 1])
        }
        return HingeExampleResult(classes: classes, examples: examples, deckLosses: deckLosses, margins: margins,
                                  hingeAlongMargin: along.h0, hingeUnitAlongMargin: along.h1, crossEntropyAlongMargin: along.ce,
                                  crossEntropyGradientAlongMargin: along.dce, hingeGradientAlongMargin: along.dh)
    }
}
