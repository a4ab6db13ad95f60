import Foundation
import NNFiles

/// What each figure measured, in one sentence, with the numbers the captions list: for the
/// terminal, the JSON and the gallery.
struct NormalizeLabFindings {
    typealias Number = GalleryCaption.Number

    let result: NormalizeLabResult

    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 1e-3 && abs(x) < 1e4 ? String(format: "%.3g", x) : String(format: "%.1e", x))
    }
    static func percent(_ x: Double?) -> String { x.map { String(format: "%.1f%%", 100 * $0) } ?? "—" }
    static func points(_ x: Double) -> String { String(format: "%+.1f pts", 100 * x) }
    static func spread(_ s: LeakStudy.Spread, scale: Double = 1, unit: String = "") -> String {
        String(format: "%+.2f ± %.2f%@", scale * s.mean, scale * s.std, unit)
    }
    /// Mean ± std of a quantity that has no sign (a distance).
    static func size(_ s: LeakStudy.Spread) -> String { String(format: "%.2f ± %.2f", s.mean, s.std) }
    static func rate(_ lr: Double?) -> String { lr.map { short($0) } ?? "none" }

    var preprocessing: String {
        let rows = result.pictures.rows
        return rows.map { r in
            "\(r.name): whitened training covariance = I to \(Self.short(r.whitenedTrainDeviation)), validation off by up to \(Self.short(r.whitenedValidationDeviation))"
        }.joined(separator: "; ")
    }

    var preprocessingNumbers: [Number] {
        result.pictures.rows.flatMap { r in
            [Number(name: "\(r.name): max |Cov_train − I| whitened", value: Self.short(r.whitenedTrainDeviation)),
             Number(name: "\(r.name): max |Cov_val − I| whitened", value: Self.short(r.whitenedValidationDeviation))]
                // The covariances once written in every panel's title.
                + r.panels.filter { $0.stage == .raw || $0.stage == .whitened }.map { p in
                    Number(name: "\(r.name), \(p.stage.rawValue): train Σ, val Σ",
                           value: "\(NormalizeLabFigures.matrix(p.trainCovariance)), \(NormalizeLabFigures.matrix(p.validationCovariance))")
                }
        }
    }

    var leak: String {
        let l = result.leak
        return "fitted on training + validation digits, whitening makes the validation digits look white (max |Cov − I| \(Self.size(l.leakedValidationWhiteness)) "
            + "against \(Self.size(l.properValidationWhiteness)) fitted on training digits only) while the unseen test digits stay at \(Self.size(l.leakedTestWhiteness)): "
            + "validation no longer stands in for unseen data; accuracy, leaked − proper: validation \(Self.spread(l.validationAccuracyShift, scale: 100, unit: " pts")), "
            + "test \(Self.spread(l.testAccuracyShift, scale: 100, unit: " pts")); validation − test: \(Self.spread(l.properOptimism, scale: 100, unit: " pts")) proper, "
            + "\(Self.spread(l.leakedOptimism, scale: 100, unit: " pts")) leaked (mean ± std over \(l.splits.count) splits)"
    }

    var leakNumbers: [Number] {
        let l = result.leak
        return [Number(name: "max |Cov_val − I|, fitted on train", value: Self.size(l.properValidationWhiteness)),
                Number(name: "max |Cov_val − I|, fitted on train + val", value: Self.size(l.leakedValidationWhiteness)),
                Number(name: "max |Cov_test − I|, fitted on train + val", value: Self.size(l.leakedTestWhiteness)),
                Number(name: "validation accuracy, leaked − proper", value: Self.spread(l.validationAccuracyShift, scale: 100, unit: " pts")),
                Number(name: "test accuracy, leaked − proper", value: Self.spread(l.testAccuracyShift, scale: 100, unit: " pts")),
                Number(name: "validation − test accuracy, proper / leaked",
                       value: "\(Self.spread(l.properOptimism, scale: 100, unit: " pts")) / \(Self.spread(l.leakedOptimism, scale: 100, unit: " pts"))")]
    }

    var sensitivity: String {
        let s = result.sensitivity
        let at2 = s.losses(at: 2)
        return String(format: "the same classifier (loss %.3f): a 2° rotation of W raises the loss to %.3f in raw coordinates, to %.3f after normalization; curvature d²L/dθ² %.3g vs %.3g (%.0f×)",
                      s.lossAtZero, at2.raw, at2.normalized, s.rawCurvature, s.normalizedCurvature, s.rawCurvature / s.normalizedCurvature)
    }

    var sensitivityNumbers: [Number] {
        let s = result.sensitivity
        let at2 = s.losses(at: 2)
        return [Number(name: "loss at θ = 0", value: String(format: "%.4f", s.lossAtZero)),
                Number(name: "loss at θ = 2°, raw / normalized", value: String(format: "%.4f / %.4f", at2.raw, at2.normalized)),
                Number(name: "d²L/dθ² raw / normalized", value: String(format: "%.3g / %.3g", s.rawCurvature, s.normalizedCurvature))]
    }

    var zigZag: String {
        result.zigZag.runs.map { r in
            "\(r.name): \(Self.percent(r.sameSignFraction)) of updates with both weights moving the same way, "
                + "within 5% of w* after \(Self.short(r.medianStepsToTarget)) steps (median over \(r.orderCount) example orders)"
        }.joined(separator: "; ")
    }

    var zigZagNumbers: [Number] {
        result.zigZag.runs.flatMap { r in
            [Number(name: "\(r.name): same-sign updates", value: Self.percent(r.sameSignFraction)),
             Number(name: "\(r.name): steps to within 5% of w*, median over \(r.orderCount) orders", value: Self.short(r.medianStepsToTarget))]
        }
    }

    var training: String {
        let b = result.batchNorm
        let target = result.configuration.targetAccuracy
        let reach = b.convergence.map { c in c.epochReaching(target).map { "epoch \($0)" } ?? "never" }
        return "validation accuracy after \(result.configuration.epochs) epochs: \(Self.percent(b.convergence[0].finalValidationAccuracy)) without, "
            + "\(Self.percent(b.convergence[1].finalValidationAccuracy)) with batch norm (\(Self.percent(target)) reached at \(reach[0]) vs \(reach[1])); "
            + "highest learning rate tolerated: \(Self.rate(b.sweep.highestTolerated)) without, \(Self.rate(b.sweep.highestToleratedWithBatchNorm)) with"
    }

    var trainingNumbers: [Number] {
        let b = result.batchNorm
        return [Number(name: "final validation accuracy, no BN / BN", value: "\(Self.percent(b.convergence[0].finalValidationAccuracy)) / \(Self.percent(b.convergence[1].finalValidationAccuracy))"),
                Number(name: "highest lr reaching \(Self.percent(result.configuration.targetAccuracy)), no BN / BN",
                       value: "\(Self.rate(b.sweep.highestTolerated)) / \(Self.rate(b.sweep.highestToleratedWithBatchNorm))")]
    }

    var initialization: String {
        let curves = result.batchNorm.initialization
        return DeepNet.InitScheme.allCases.map { scheme in
            let pair = curves.filter { $0.scheme == scheme }
            return "\(scheme.title) \(Self.percent(pair.first { !$0.batchNorm }?.finalValidationAccuracy)) → \(Self.percent(pair.first { $0.batchNorm }?.finalValidationAccuracy))"
        }.joined(separator: ", ") + " validation accuracy without → with batch norm"
    }

    var initializationNumbers: [Number] {
        let curves = result.batchNorm.initialization
        return DeepNet.InitScheme.allCases.map { scheme in
            let pair = curves.filter { $0.scheme == scheme }
            return Number(name: "\(scheme.title): no BN / BN", value: "\(Self.percent(pair.first { !$0.batchNorm }?.finalValidationAccuracy)) / \(Self.percent(pair.first(where: \.batchNorm)?.finalValidationAccuracy))")
        }
    }

    /// The last snapshot of each convergence net.
    var lastSnapshots: (plain: ActivationSnapshot, normalized: ActivationSnapshot) {
        let a = result.batchNorm.activations
        return (a.last { !$0.batchNorm }!, a.last { $0.batchNorm }!)
    }

    var activations: String {
        let (p, n) = lastSnapshots
        let (p0, n0) = firstSnapshots
        return "at epoch \(p.epoch), a unit of the deepest layer varies across the validation digits with std \(Self.short(p.unitStd.last!)) without "
            + "and \(Self.short(n.unitStd.last!)) with batch norm (epoch 0: \(Self.short(p0.unitStd.last!)) and \(Self.short(n0.unitStd.last!))); "
            + "saturated there: \(Self.percent(p.saturated.last!)) vs \(Self.percent(n.saturated.last!))"
    }

    /// The epoch-0 snapshot of each convergence net.
    var firstSnapshots: (plain: ActivationSnapshot, normalized: ActivationSnapshot) {
        let a = result.batchNorm.activations
        return (a.first { !$0.batchNorm }!, a.first { $0.batchNorm }!)
    }

    var activationNumbers: [Number] {
        let (p, n) = lastSnapshots
        let (p0, n0) = firstSnapshots
        return [Number(name: "deepest layer, per-unit std across inputs at epoch 0, no BN / BN", value: "\(Self.short(p0.unitStd.last!)) / \(Self.short(n0.unitStd.last!))"),
                Number(name: "the same at epoch \(p.epoch), no BN / BN", value: "\(Self.short(p.unitStd.last!)) / \(Self.short(n.unitStd.last!))"),
                Number(name: "pooled std of the deepest layer at epoch \(p.epoch), no BN / BN", value: String(format: "%.3f / %.3f", p.std.last!, n.std.last!)),
                Number(name: "saturated in the deepest layer, no BN / BN", value: "\(Self.percent(p.saturated.last!)) / \(Self.percent(n.saturated.last!))")]
    }

    var testTime: String {
        let s = result.batchNorm.statistics
        return "validation accuracy \(Self.percent(s.inferenceAccuracy)) with running statistics; in training mode \(Self.percent(s.wholeSetTrainModeAccuracy)) "
            + "with the whole set as one batch, \(Self.percent(s.trainModeAccuracy.first!)) in batches of \(s.batchSizes.first!)"
    }

    var testTimeNumbers: [Number] {
        let s = result.batchNorm.statistics
        return [Number(name: "inference (running statistics)", value: Self.percent(s.inferenceAccuracy)),
                Number(name: "inference (the deck's average over training batches)", value: Self.percent(s.deckEstimateAccuracy)),
                Number(name: "training mode, batch of 2", value: Self.percent(s.trainModeAccuracy.first!)),
                Number(name: "training mode, whole validation set", value: Self.percent(s.wholeSetTrainModeAccuracy)),
                Number(name: "running / population variance, range over layers",
                       value: String(format: "%.3f – %.3f", s.runningVarianceRatio.min() ?? .nan, s.runningVarianceRatio.max() ?? .nan))]
    }
}
