import Foundation
import NNFiles

/// What each figure measured, in one sentence and a few named numbers, for the JSON captions,
/// the figure titles and the terminal.
struct SearchFindings {
    typealias Number = GalleryCaption.Number

    var result: SearchResult

    static func percent(_ v: Double) -> String { v.isFinite ? String(format: "%.1f%%", 100 * v) : "n/a" }
    static func short(_ v: Double) -> String { LogRange.short(v) }

    var gridVersusRandom: String {
        let g = result.gridVersusRandom
        return "with \(g.grid.count) trials each, the grid tried \(g.gridDistinctLearningRates) learning rates and random search \(g.randomDistinctLearningRates); "
            + "best validation accuracy: grid \(Self.percent(g.gridBest.validationAccuracy)) (lr \(Self.short(g.gridBest.learningRate))), "
            + "random \(Self.percent(g.randomBest.validationAccuracy)) (lr \(Self.short(g.randomBest.learningRate))); "
            + "along the unimportant weight decay the grid's accuracy moves at most \(Self.percent(g.largestSpreadAlongWeightDecay)), "
            + "along the learning rate \(Self.percent(g.largestSpreadAlongLearningRate))"
    }

    var gridVersusRandomNumbers: [Number] {
        let g = result.gridVersusRandom
        return [Number(name: "learning rates tried: grid / random", value: "\(g.gridDistinctLearningRates) / \(g.randomDistinctLearningRates)"),
                Number(name: "best validation accuracy: grid / random",
                       value: "\(Self.percent(g.gridBest.validationAccuracy)) / \(Self.percent(g.randomBest.validationAccuracy))"),
                Number(name: "largest spread along weight decay / along lr",
                       value: "\(Self.percent(g.largestSpreadAlongWeightDecay)) / \(Self.percent(g.largestSpreadAlongLearningRate))")]
    }

    var sampling: String {
        let s = result.sampling
        return "of \(s.uniform.count) uniform samples, \(s.uniformPerDecade.last ?? 0) fall in the top decade of lr \(s.learningRate) "
            + "(log-uniform: \(s.logUniformPerDecade.last ?? 0)); best validation accuracy: log-uniform \(Self.percent(s.logUniformBest.validationAccuracy)) "
            + "(lr \(Self.short(s.logUniformBest.learningRate)), λ \(Self.short(s.logUniformBest.weightDecay))), "
            + "uniform \(Self.percent(s.uniformBest.validationAccuracy)) (lr \(Self.short(s.uniformBest.learningRate)), λ \(Self.short(s.uniformBest.weightDecay)))"
    }

    var samplingNumbers: [Number] {
        let s = result.sampling
        return [Number(name: "samples per lr decade, log-uniform", value: s.logUniformPerDecade.map(String.init).joined(separator: " / ")),
                Number(name: "samples per lr decade, uniform", value: s.uniformPerDecade.map(String.init).joined(separator: " / ")),
                Number(name: "best validation accuracy: log-uniform / uniform",
                       value: "\(Self.percent(s.logUniformBest.validationAccuracy)) / \(Self.percent(s.uniformBest.validationAccuracy))")]
    }

    var coarseToFine: String {
        let f = result.coarseToFine
        let edge = f.edgeWarnings.isEmpty ? "the best coarse trial is inside both ranges" : f.edgeWarnings.joined(separator: "; ")
        return "coarse best \(Self.percent(f.coarseBest.validationAccuracy)) at lr \(Self.short(f.coarseBest.learningRate)), λ \(Self.short(f.coarseBest.weightDecay)); "
            + "fine stage over lr \(f.fineRegion.learningRate) × λ \(f.fineRegion.weightDecay): best \(Self.percent(f.fineBest.validationAccuracy)) "
            + "at lr \(Self.short(f.fineBest.learningRate)), λ \(Self.short(f.fineBest.weightDecay)); \(edge)"
    }

    var coarseToFineNumbers: [Number] {
        let f = result.coarseToFine
        return [Number(name: "best validation accuracy: coarse / fine",
                       value: "\(Self.percent(f.coarseBest.validationAccuracy)) / \(Self.percent(f.fineBest.validationAccuracy))"),
                Number(name: "best coarse lr, position in its range (0 low, 1 high)",
                       value: "\(Self.short(f.coarseBest.learningRate)), \(String(format: "%.2f", f.bestLearningRatePosition))"),
                Number(name: "edge warning", value: f.edgeWarnings.isEmpty ? "none" : f.edgeWarnings.joined(separator: "; "))]
    }

    var crossValidation: String {
        let v = result.crossValidation
        let best = v.configurations.first { $0.crossValidationRank == 1 }!
        return "\(v.folds)-fold accuracies of the \(v.configurations.count) best configurations spread by up to \(Self.percent(v.largestFoldSpread)) "
            + "(max − min over folds), while their single-split accuracies differ by \(Self.percent(v.singleSplitGap)); "
            + "the split that picked them scores them \(String(format: "%+.1f", 100 * v.singleSplitOptimism)) points above their fold mean on average; "
            + (v.rankingChanged ? "cross-validation picks the single split's number \(best.singleSplitRank) (lr \(Self.short(best.learningRate)))"
                                : "cross-validation agrees with the single split's choice")
    }

    var crossValidationNumbers: [Number] {
        let v = result.crossValidation
        return [Number(name: "largest fold spread (max − min)", value: Self.percent(v.largestFoldSpread)),
                Number(name: "single-split accuracy range of the top configurations", value: Self.percent(v.singleSplitGap)),
                Number(name: "single split − fold mean, averaged", value: String(format: "%+.1f points", 100 * v.singleSplitOptimism)),
                Number(name: "cross-validation changes the pick", value: v.rankingChanged ? "yes" : "no")]
    }

    var ensemble: String {
        let e = result.ensemble
        return "on \(e.testCount) test digits, the ensemble of the top \(e.members.count) configurations scores \(Self.percent(e.ensembleAccuracy.last ?? .nan)) "
            + "against \(Self.percent(e.bestSingleTestAccuracy)) for the best single one (\(String(format: "%+.1f", 100 * e.gain)) points) "
            + "and \(Self.percent(e.meanMemberTestAccuracy)) for the average member; \(Self.percent(e.sharedErrorRate)) of the test digits are wrong in every member, "
            + "errors averaging cannot fix"
            + (e.reproducesSearch ? "; every member retrained to the search's own validation accuracy" : "; a member did not reproduce its search trial")
    }

    var ensembleNumbers: [Number] {
        let e = result.ensemble
        return [Number(name: "test accuracy: best single / ensemble of \(e.members.count)",
                       value: "\(Self.percent(e.bestSingleTestAccuracy)) / \(Self.percent(e.ensembleAccuracy.last ?? .nan))"),
                Number(name: "gain over the best single one", value: String(format: "%+.1f points", 100 * e.gain)),
                Number(name: "mean member test accuracy", value: Self.percent(e.meanMemberTestAccuracy)),
                Number(name: "test digits every member gets wrong", value: Self.percent(e.sharedErrorRate))]
    }
}
