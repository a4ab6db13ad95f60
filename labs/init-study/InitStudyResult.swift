import Foundation
import NNEngine

/// Everything one scheme produced: per-layer statistics and the histograms the figures draw.
public struct SchemeResult: Sendable {
    public var scheme: Scheme
    public var layers: [LayerStatistics]
    /// One histogram of `hₗ` per layer, all over the same range.
    public var activationHistograms: [Histogram]
    /// One histogram of `dL/dWₗ` per layer, all over the same range.
    public var gradientHistograms: [Histogram]
    /// A corner of layer 2's h and dL/dW (layer 1 in a one-layer net), cell by cell.
    public var symmetrySample: SymmetrySample

    /// Whether every layer stayed within float64, and where it stopped if not.
    public var outcome: SignalOutcome { SignalOutcome(layers: layers) }

    /// True when, in every layer, all units give the same value for each input.
    public var unitsIdentical: Bool { layers.allSatisfy { $0.unitSpread == 0 } }

    /// The layers (1-based) whose units all get the same weight gradient, when the units are
    /// identical: every layer under the last, whose upstream gradient is random per unit.
    public var layersWithIdenticalGradients: [Int] {
        unitsIdentical ? layers.filter { $0.weightGradientUnitSpread == 0 }.map(\.layer) : []
    }

    /// What the weight gradients show, computed from the statistics. dL/dWₗ = hₗ₋₁ᵀ·dL/dzₗ: a
    /// product of the forward signal entering the layer and the backward signal leaving it.
    public var gradientVerdict: String {
        guard let first = layers.first, let last = layers.last else { return "no layers" }
        guard outcome.isFinite else { return outcome.message }
        let stds = layers.map(\.weightGradientStd)
        var findings: [String] = []
        let identical = layersWithIdenticalGradients
        if !identical.isEmpty {
            findings.append("every unit gets the same dL/dW in layers \(Self.layerList(identical)) (spread across units exactly 0), so no update can tell them apart")
        }
        if stds.allSatisfy({ $0 == 0 }) {
            findings.append("dL/dW = 0 exactly in every layer" + (last.saturatedFraction.map { $0 > Self.saturationShare ? " (saturated units pass no gradient)" : "" } ?? ""))
            return findings.joined(separator: "; ")
        }
        let gain = backwardGain
        findings.append("dL/dh reaches layer 1 at \(Self.short(gain))× the upstream std; dL/dW std is \(Self.short(first.weightGradientStd)) at layer 1 "
            + "and \(Self.short(last.weightGradientStd)) at layer \(last.layer)")
        let spread = (stds.max() ?? 0) / Swift.max(stds.min() ?? 0, .leastNonzeroMagnitude)
        if gain < 0.25, spread < 2 {
            // Small init: the backward signal shrinks towards layer 1 exactly as the forward one
            // shrinks towards the output, so their product is about the same in every layer.
            findings.append("dL/dW does not vanish towards layer 1: dL/dWₗ = hₗ₋₁ᵀ·dL/dzₗ, and early layers pair a shrunken dL/dz "
                + "with large inputs (h₀ = x), late layers the reverse")
        }
        return findings.joined(separator: "; ")
    }

    /// `1–5`, or `6` for one layer.
    static func layerList(_ layers: [Int]) -> String {
        guard let low = layers.first, let high = layers.last else { return "" }
        return layers == Array(low...high) && high > low ? "\(low)–\(high)" : layers.map(String.init).joined(separator: ", ")
    }

    /// What the numbers show, in the lecture's words. Computed from the statistics, so a figure's
    /// caption can never disagree with its data.
    public var verdict: String {
        guard let first = layers.first, let last = layers.last else { return "no layers" }
        // Past float64's range the ratios below are 0/0 or ∞/∞; the breakdown is the finding.
        guard outcome.isFinite else { return outcome.message }
        var findings: [String] = []
        if unitsIdentical { findings.append("all units in each layer are identical (symmetry not broken)") }
        if let saturated = last.saturatedFraction, saturated > Self.saturationShare {
            findings.append("\(Int((saturated * 100).rounded()))% of last-layer units saturated, mean local gradient f′(z) \(Self.short(last.localGradientMean))")
        } else if unitsIdentical, let saturated = layers.compactMap(\.saturatedFraction).max() {
            // The symmetry itself, not saturation: say so, since the saturating constant looks alike.
            findings.append("\(Int((saturated * 100).rounded()))% of units saturated in any layer (std \(Self.short(first.activationStd))…\(Self.short(last.activationStd)))")
        }
        // The geometric change per layer, (last/first)^(1/(depth−1)): a net whose std shrinks by a
        // constant factor per layer collapses to nothing as it gets deeper, however slowly.
        let perLayer = layers.count > 1 ? pow(last.activationStd / first.activationStd, 1 / Double(layers.count - 1)) : 1
        if perLayer < Self.collapseFactor {
            findings.append("activation std collapses from \(Self.short(first.activationStd)) to \(Self.short(last.activationStd)) (×\(Self.short(perLayer)) per layer)")
        } else if perLayer > 1 / Self.collapseFactor {
            findings.append("activation std explodes from \(Self.short(first.activationStd)) to \(Self.short(last.activationStd)) (×\(Self.short(perLayer)) per layer)")
        } else if findings.isEmpty, perLayer < Self.steadyFactor || perLayer > 1 / Self.steadyFactor {
            // Between collapse and steady: the lecture's "just right" (Xavier with tanh) still
            // drifts, 0.63 → 0.29 over 6 layers at seed 0; the verdict says by how much.
            findings.append("activation std \(perLayer < 1 ? "decays" : "grows") slowly, from \(Self.short(first.activationStd)) to \(Self.short(last.activationStd)) "
                + "(×\(Self.short(perLayer)) per layer, ×\(Self.short(last.activationStd / first.activationStd)) over \(layers.count) layers): no collapse, but not constant either")
        } else if findings.isEmpty {
            findings.append("activation std stays in \(Self.short(layers.map(\.activationStd).min()!))…\(Self.short(layers.map(\.activationStd).max()!)): well scaled")
        }
        return findings.joined(separator: "; ")
    }

    /// The share of saturated units above which a layer counts as saturating. A tanh layer whose
    /// pre-activations have std 3.2 (the lecture's 0.05·√4096) has a third of its units beyond
    /// |h| > 0.99, and its histogram is dominated by the spikes at ±1.
    static let saturationShare = 0.25

    /// How the backward signal changes from the output to the first layer: the std of dL/dh₁
    /// over that of the upstream gradient. Each layer multiplies it by about σ_W·√width·E[f′].
    public var backwardGain: Double {
        guard let first = layers.first, let last = layers.last, last.outputGradientStd > 0 else { return .nan }
        return first.outputGradientStd / last.outputGradientStd
    }

    /// A per-layer factor below this counts as collapsing (above its inverse, exploding): ReLU
    /// with Xavier init shrinks by 1/√2 ≈ 0.71 per layer, tanh with Xavier by ≈ 0.9 at depth 6.
    static let collapseFactor = 0.8
    /// A per-layer factor within this and its inverse counts as steady (±5% a layer, ±23% over
    /// 6 layers); Kaiming with ReLU stays within it.
    static let steadyFactor = 0.95

    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 0.01 && abs(x) < 1000 ? String(format: "%.3g", x) : String(format: "%.2e", x))
    }
}

/// The results of every scheme of one run.
public struct InitStudyResult: Sendable {
    public var configuration: InitStudyConfiguration
    public var schemes: [SchemeResult]
}
