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

    /// Whether every layer stayed within float64, and where it stopped if not.
    public var outcome: SignalOutcome { SignalOutcome(layers: layers) }

    /// True when, in every layer, all units give the same value for each input.
    public var unitsIdentical: Bool { layers.allSatisfy { $0.unitSpread == 0 } }

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
        }
        // The geometric change per layer, (last/first)^(1/(depth−1)): a net whose std shrinks by a
        // constant factor per layer collapses to nothing as it gets deeper, however slowly.
        let perLayer = layers.count > 1 ? pow(last.activationStd / first.activationStd, 1 / Double(layers.count - 1)) : 1
        if perLayer < Self.collapseFactor {
            findings.append("activation std collapses from \(Self.short(first.activationStd)) to \(Self.short(last.activationStd)) (×\(Self.short(perLayer)) per layer)")
        } else if perLayer > 1 / Self.collapseFactor {
            findings.append("activation std explodes from \(Self.short(first.activationStd)) to \(Self.short(last.activationStd)) (×\(Self.short(perLayer)) per layer)")
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

    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 0.01 && abs(x) < 1000 ? String(format: "%.3g", x) : String(format: "%.2e", x))
    }
}

/// The results of every scheme of one run.
public struct InitStudyResult: Sendable {
    public var configuration: InitStudyConfiguration
    public var schemes: [SchemeResult]
}
