import NNEngine

/// Figure 3: the lecture's two-input neuron `a = w₁x + w₂y`. Enumerating the four dropout masks
/// with their probabilities gives the exact training-time expectation:
///
/// `E[a] = p²(w₁x + w₂y) + p(1−p) w₁x + (1−p)p w₂y + (1−p)²·0 = p (w₁x + w₂y)`,
///
/// so vanilla dropout must scale by p at test time; inverted dropout divides the masked inputs by
/// p during training, and its expectation is the test-time activation itself. At p = ½ this is
/// the slide's `E[a] = ¼(w₁x + w₂y) + ¼(w₁x + 0y) + ¼(0x + 0y) + ¼(0x + w₂y) = ½(w₁x + w₂y)`.
public struct TwoInputNeuron: Codable, Equatable, Sendable {
    /// One of the four masks `(m₁, m₂)`.
    public struct Mask: Codable, Equatable, Sendable {
        public var mask: [Int]
        public var probability: Double
        /// `m₁w₁x + m₂w₂y` (vanilla) and the same divided by p (inverted).
        public var vanillaActivation: Double
        public var invertedActivation: Double
    }

    /// The enumeration at one p.
    public struct Row: Codable, Equatable, Sendable {
        public var keep: Double
        public var masks: [Mask]
        /// `Σ P(mask) a(mask)`, vanilla and inverted.
        public var vanillaExpectation: Double
        public var invertedExpectation: Double
        /// `p (w₁x + w₂y)`: what vanilla's test-time scaling gives.
        public var scaledTestActivation: Double
        /// `|E[a] − p·a_test|` and `|E_inverted[a] − a_test|`.
        public var vanillaError: Double
        public var invertedError: Double
    }

    public var w1: Double, w2: Double, x: Double, y: Double
    /// `w₁x + w₂y`, the test-time activation without dropout.
    public var testActivation: Double
    public var rows: [Row]

    /// Draws `w₁, w₂, x, y ~ N(0, 1)` from `generator` and enumerates the masks at every p of
    /// `keeps` (the figure's sweep).
    static func compute(keeps: [Double], using generator: inout RandomStream) -> TwoInputNeuron {
        let (w1, w2, x, y) = (generator.normal(), generator.normal(), generator.normal(), generator.normal())
        let test = w1 * x + w2 * y
        let rows = keeps.map { p -> Row in
            let masks = [(1, 1), (1, 0), (0, 0), (0, 1)].map { m1, m2 -> Mask in
                let probability = (m1 == 1 ? p : 1 - p) * (m2 == 1 ? p : 1 - p)
                let a = Double(m1) * w1 * x + Double(m2) * w2 * y
                return Mask(mask: [m1, m2], probability: probability, vanillaActivation: a, invertedActivation: a / p)
            }
            let vanilla = masks.reduce(0) { $0 + $1.probability * $1.vanillaActivation }
            let inverted = masks.reduce(0) { $0 + $1.probability * $1.invertedActivation }
            return Row(keep: p, masks: masks, vanillaExpectation: vanilla, invertedExpectation: inverted,
                       scaledTestActivation: p * test, vanillaError: abs(vanilla - p * test), invertedError: abs(inverted - test))
        }
        return TwoInputNeuron(w1: w1, w2: w2, x: x, y: y, testActivation: test, rows: rows)
    }

    /// p = 0.05, 0.10, …, 1.00, and the lecture's ½ among them.
    static let sweep = (1...20).map { Double($0) / 20 }
}
