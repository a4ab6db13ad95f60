import Foundation
import NNEngine

/// The parameters of one init-study run: the lecture's defaults are 6 layers of 4096 units, a
/// batch of 16 inputs x ~ N(0, 1), no biases, seed 0.
public struct InitStudyConfiguration: Codable, Equatable, Sendable {
    /// Number of weight layers (the lecture's `dims = [4096] * 7` gives 6).
    public var depth = 6
    /// Units per layer, also the input dimension.
    public var width = 4096
    /// Number of inputs pushed through together.
    public var batch = 16
    /// Seeds the input, the upstream gradient and every weight matrix.
    public var seed: UInt64 = 0
    /// Histogram bins per panel.
    public var bins = 60

    public init(depth: Int = 6, width: Int = 4096, batch: Int = 16, seed: UInt64 = 0, bins: Int = 60) {
        self.depth = depth
        self.width = width
        self.batch = batch
        self.seed = seed
        self.bins = bins
    }

    /// The most memory the [width, width] matrices may take: all `depth` weight matrices are kept
    /// for the backward pass (the weight gradients are summarized tile by tile, never held).
    /// Measured peak (release, every scheme): width 8192, depth 2 → 1.07 GiB against the estimate
    /// depth·width²·8 = 1.0 GiB; the activations and the process add the rest.
    public static let weightMemoryLimit = 4 << 30
    /// The most memory the per-layer activations, pre-activations and gradients may take.
    public static let activationMemoryLimit = 2 << 30

    /// What one scheme's per-layer tensors take: activations, derivatives, local gradients and
    /// the products they come from, each [batch, width], for every layer and the input.
    var activationBytes: Double { 4 * Double(depth + 1) * Double(batch) * Double(width) * 8 }

    /// How many schemes of one weight group go through the products together (`WeightGroup`):
    /// as many as fit `activationMemoryLimit`, at least one.
    var schemesAtOnce: Int { Swift.max(1, Int((Double(Self.activationMemoryLimit) / activationBytes).rounded(.down))) }

    /// Checks that every size is positive and that the run fits in memory.
    /// - Throws: `LabError` saying which value is wrong and what the limit is.
    public func validate() throws {
        for (name, value) in [("depth", depth), ("width", width), ("batch", batch), ("bins", bins)] where value <= 0 {
            throw LabError("\(name) must be at least 1, got \(value)")
        }
        guard depth <= 1000 else { throw LabError("depth \(depth) is too large; the limit is 1000 layers") }
        guard bins <= 1000 else { throw LabError("bins \(bins) is too large; the limit is 1000") }
        // Multiply in Double: width² overflows Int long before the limit check would fire.
        let weightBytes = Double(depth) * Double(width) * Double(width) * 8
        guard weightBytes <= Double(Self.weightMemoryLimit) else {
            throw LabError("depth \(depth) × width \(width) is too large: the weights would take \(Self.gibibytes(weightBytes)); "
                + "the limit is \(Self.gibibytes(Double(Self.weightMemoryLimit))) (memory: every layer's weights are kept for the backward pass)")
        }
        guard activationBytes <= Double(Self.activationMemoryLimit) else {
            throw LabError("batch \(batch) × width \(width) × depth \(depth) is too large: the activations would take \(Self.gibibytes(activationBytes)); "
                + "the limit is \(Self.gibibytes(Double(Self.activationMemoryLimit))) (memory)")
        }
    }

    static func gibibytes(_ bytes: Double) -> String {
        let g = bytes / Double(1 << 30)
        // "%.0f", not Int(g): a width of 2·10¹³ asks for ~10²⁰ GiB, past Int.max.
        return g >= 10 ? String(format: "%.0f GiB", g) : "\((g * 10).rounded() / 10) GiB"
    }
}
