import Foundation

/// The gallery captions: per figure the lecture's claim, its deck, what this run measured, and
/// the key numbers.
struct RegularizeCaptions {
    var result: RegularizeResult
    var findings: RegularizeFindings
    typealias F = RegularizeFindings
    typealias Caption = RegularizeReport.Caption
    typealias Number = RegularizeReport.Caption.Number

    var capacity: Caption {
        Caption(lecturePoint: "With more neurons, we have greater representation power but possibly more overfitting", deck: "000",
                finding: findings.capacity,
                numbers: findings.widths.map { Number(name: "\($0.hiddenUnits) units train / test", value: "\(F.percent($0.trainAccuracy)) / \(F.percent($0.testAccuracy))") },
                rank: 0)
    }

    var capacityLambda: Caption {
        Caption(lecturePoint: "Do not use the size of the network as a regularizer: train a large network and control overfitting with regularization (λ)",
                deck: "000", finding: findings.capacityLambda,
                numbers: findings.penalized.map { Number(name: "λ = \($0.lambda) test", value: F.percent($0.testAccuracy)) }, rank: 1)
    }

    var penalties: Caption {
        let lambda = result.configuration.histogramLambda
        var numbers = [Number(name: "no penalty, validation", value: F.percent(result.baseline.validationAccuracy))]
        if let best = findings.bestPenalty {
            numbers.append(Number(name: "best penalty, validation", value: "\(F.percent(best.validationAccuracy)) (\(best.kind!.rawValue), λ = \(best.lambda))"))
        }
        for kind in [PenaltyKind.l1Subgradient, .l1Proximal] {
            if let r = findings.run(kind, lambda) { numbers.append(Number(name: "\(kind.rawValue) exact zeros at λ = \(lambda)", value: F.percent(r.exactZeroFraction))) }
        }
        return Caption(lecturePoint: "L1 enforces sparsity (a Laplace prior), L2 a proportional decrease (a Gaussian prior); max-norm constrains each unit's weights",
                       deck: "003", finding: findings.penalties, numbers: numbers, rank: 2)
    }

    var histograms: Caption {
        let lambda = result.configuration.histogramLambda
        return Caption(lecturePoint: "L2: proportional decrease of every weight; L1: fixed decrease, weights driven to zero", deck: "003",
                       finding: findings.histograms,
                       numbers: PenaltyKind.allCases.compactMap { k in findings.run(k, lambda).map { Number(name: "\(k.rawValue) |w| < 1e-3", value: F.percent($0.nearZeroFraction)) } },
                       rank: 3)
    }

    var paths: Caption {
        let q = result.quadratic
        return Caption(lecturePoint: "L2 rescales w* along the Hessian's eigenvectors by λᵢ/(λᵢ + λ); L1 shifts each w*ᵢ towards 0 by λ/Hᵢᵢ and clips it",
                       deck: "003", finding: findings.paths,
                       numbers: [Number(name: "largest |closed form − numerical|", value: F.short(q.maxDiscrepancy))], rank: 4)
    }

    var biasVariance: Caption {
        let b = result.biasVariance
        return Caption(lecturePoint: "Model complexity up: bias down, variance up; expected error = variance + bias² (+ noise)", deck: "003",
                       finding: findings.biasVariance,
                       numbers: [Number(name: "best degree", value: "\(b.bestDegree)"),
                                 Number(name: "largest |error − (bias² + var + σ²)| / s.e.", value: String(format: "%.2f", b.byDegree.map { abs($0.residual) / $0.standardError }.max() ?? 0))],
                       rank: 5)
    }

    var earlyStopping: Caption {
        let e = result.earlyStopping
        return Caption(lecturePoint: "Early stopping: stop when the validation error stops decreasing; similar effect as L2, at no extra cost", deck: "003",
                       finding: findings.earlyStopping,
                       numbers: [Number(name: "validation-loss minimum", value: "epoch \(e.bestLossEpoch) of \(e.epochs.count)")]
                           + result.earlyStoppingQuadratic.horizons.map { Number(name: "t = \($0.steps): largest |GD − L2|", value: F.short($0.largestGap)) },
                       rank: 6)
    }

    var smoothing: Caption {
        let s = result.smoothing.sides
        return Caption(lecturePoint: "Softmax can never reach 0 or 1, so one-hot targets grow the weights forever; smoothed targets (ε/(n−1), 1−ε, …) stop that",
                       deck: "003", finding: findings.smoothing,
                       numbers: [Number(name: "mean confidence, one-hot", value: F.percent(s[0].meanConfidence)),
                                 Number(name: "mean confidence, ε = \(s[1].epsilon)", value: F.percent(s[1].meanConfidence))],
                       rank: 7)
    }

    var augmentation: Caption {
        Caption(lecturePoint: "Data augmentation and input noise regularize: training on more (artificial) data improves generalization",
                deck: "003", finding: findings.augmentation,
                numbers: result.augmentation.variants.map { Number(name: $0.name, value: "\(F.percent($0.meanValidation)) ± \(String(format: "%.1f", 100 * $0.spread))") },
                rank: 8)
    }
}
