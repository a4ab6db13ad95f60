import Foundation

/// One sentence per figure of what the run measured, and the numbers behind it, for the
/// terminal, the JSON captions and the README.
struct RegularizeFindings {
    var result: RegularizeResult

    static func percent(_ v: Double) -> String { String(format: "%.1f%%", 100 * v) }
    static func points(_ v: Double) -> String { String(format: "%+.1f pts", 100 * v) }
    static func short(_ v: Double) -> String {
        v == 0 ? "0" : (abs(v) >= 0.01 && abs(v) < 1000 ? String(format: "%.3g", v) : String(format: "%.2e", v))
    }

    var widths: [DecisionMap] { result.capacity.filter { $0.lambda == 0 } }
    var penalized: [DecisionMap] { result.capacity.filter { $0.lambda > 0 } }

    var capacity: String {
        "train / test accuracy by hidden units: " + widths.map { "\($0.hiddenUnits): \(Self.percent($0.trainAccuracy)) / \(Self.percent($0.testAccuracy))" }
            .joined(separator: ", ") + "; more units fit the training spiral more closely"
    }

    var capacityLambda: String {
        "\(penalized.first?.hiddenUnits ?? 0) units, train / test accuracy and ‖W‖ by λ: "
            + penalized.map { "λ = \($0.lambda): \(Self.percent($0.trainAccuracy)) / \(Self.percent($0.testAccuracy)), ‖W‖ = \(Self.short($0.weightNorm))" }
            .joined(separator: "; ")
    }

    func run(_ kind: PenaltyKind, _ lambda: Double) -> PenaltyRun? {
        result.penalties.first { $0.kind == kind && $0.lambda == lambda }
    }

    var bestPenalty: PenaltyRun? { result.penalties.max { $0.validationAccuracy < $1.validationAccuracy } }

    var penalties: String {
        let lambda = result.configuration.histogramLambda
        let zeros = PenaltyKind.allCases.compactMap { k in run(k, lambda).map { "\(k.rawValue) \(Self.percent($0.nearZeroFraction)) (\(Self.percent($0.exactZeroFraction)) exactly 0)" } }
        var text = "at λ = \(lambda), weights below 1e-3: none \(Self.percent(result.baseline.nearZeroFraction)), " + zeros.joined(separator: ", ")
        if let best = bestPenalty {
            text += "; best validation accuracy \(Self.percent(best.validationAccuracy)) (\(best.kind!.rawValue), λ = \(best.lambda)) against \(Self.percent(result.baseline.validationAccuracy)) without a penalty"
        }
        if let m = result.maxNorms.max(by: { $0.validationAccuracy < $1.validationAccuracy }) {
            text += "; max-norm best at c = \(Self.short(m.maxNorm ?? 0)): \(Self.percent(m.validationAccuracy))"
        }
        return text
    }

    var histograms: String {
        let lambda = result.configuration.histogramLambda
        return "at λ = \(lambda): " + PenaltyKind.allCases.compactMap { k in run(k, lambda).map { "\(k.rawValue) ‖W‖ = \(Self.short($0.weightNorm)), \(Self.percent($0.exactZeroFraction)) exact zeros" } }
            .joined(separator: "; ") + "; no penalty ‖W‖ = \(Self.short(result.baseline.weightNorm))"
    }

    var paths: String {
        let q = result.quadratic
        let zeroAt = q.l1Path.first { $0.numerical[1] == 0 }?.lambda
        return "L2 shrinks the low-curvature direction (λᵢ = \(Self.short(q.l2Eigenvalues[1]))) first; L1 sets w₂ to exactly 0 from λ = "
            + (zeroAt.map { Self.short($0) } ?? "–") + " (closed form \(Self.short(abs(q.l1Optimum[1]) * q.l1Diagonal[1])))"
            + "; closed forms and numerical minima agree to \(Self.short(q.maxDiscrepancy))"
    }

    var biasVariance: String {
        let b = result.biasVariance
        let best = b.byDegree.first { $0.degree == b.bestDegree }!
        let worst = b.byDegree.map { abs($0.residual) / $0.standardError }.max() ?? 0
        return "test error is least at degree \(b.bestDegree) (\(Self.short(best.testError)), bias² \(Self.short(best.biasSquared)), variance \(Self.short(best.variance)), noise \(Self.short(b.sigma * b.sigma))); "
            + "degree 1: bias² \(Self.short(b.byDegree.first!.biasSquared)), degree \(b.byDegree.last!.degree): variance \(Self.short(b.byDegree.last!.variance)); "
            + "bias² + variance + σ² matches the measured error within \(String(format: "%.1f", worst)) standard errors"
    }

    var earlyStopping: String {
        let e = result.earlyStopping
        let gaps = result.earlyStoppingQuadratic.horizons.map { "t = \($0.steps): \(Self.short($0.largestGap))" }.joined(separator: ", ")
        return "validation loss is least at epoch \(e.bestLossEpoch) (\(Self.short(e.validationLossAtMinimum))) and ends at \(Self.short(e.validationLossAtEnd)); "
            + "on the quadratic, t steps of gradient descent vs L2 with λ = 1/(tε): largest gap in the fraction of w* recovered \(gaps)"
    }

    var smoothing: String {
        let s = result.smoothing.sides
        let gain = result.smoothing.accuracy.variants[1]
        return "mean test confidence \(Self.percent(s[0].meanConfidence)) without, \(Self.percent(s[1].meanConfidence)) with ε = \(s[1].epsilon) (1 − ε = \(Self.percent(s[1].optimalConfidence))); "
            + "test cross-entropy \(Self.short(s[0].testLoss)) vs \(Self.short(s[1].testLoss)); ‖W‖ \(Self.short(s[0].weightNorm)) vs \(Self.short(s[1].weightNorm)); "
            + "validation accuracy \(Self.points(gain.pairedGain)) ± \(String(format: "%.1f", 100 * gain.pairedStandardError)) (paired over \(gain.validationAccuracy.count) seeds)"
    }

    var augmentation: String {
        result.augmentation.variants.dropFirst().map { v in
            "\(v.name): \(Self.percent(v.meanValidation)) ± \(String(format: "%.1f", 100 * v.spread)), \(Self.points(v.pairedGain)) ± \(String(format: "%.1f", 100 * v.pairedStandardError)) over no augmentation"
        }.joined(separator: "; ") + " (\(Self.percent(result.augmentation.variants[0].meanValidation)) ± \(String(format: "%.1f", 100 * result.augmentation.variants[0].spread)) without; \(result.augmentation.variants[0].validationAccuracy.count) seeds)"
    }
}
