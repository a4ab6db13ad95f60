import Foundation
import NNEngine

/// One sentence per figure saying what the numbers show, computed from the numbers.
struct DropoutLabFindings {
    var overfitting: String
    var scaling: String
    var neuron: String
    var monteCarlo: String
    var ensembles: String
    var boundaries: String

    init(_ r: DropoutLabResult) {
        overfitting = r.overfitting.map(Self.overfitting).joined(separator: " | ")
        let s = r.scaling
        scaling = "vanilla p=\(s.keep) with test-time scaling vs the weights rescaled for inverted dropout: max |Δprob| = \(Self.short(s.maxProbabilityDifference)), "
            + "max |Δscore| = \(Self.short(s.maxScoreDifference)) (training mode, same masks: \(Self.short(s.maxTrainingScoreDifference))); "
            + "test accuracy \(Self.percent(s.vanillaTestAccuracy)) both; without the scaling \(Self.percent(s.unscaledTestAccuracy))"
        let half = r.neuron.rows.first { $0.keep == 0.5 } ?? r.neuron.rows[0]
        let worst = r.neuron.rows.map { Swift.max($0.vanillaError, $0.invertedError) }.max() ?? 0
        neuron = "a_test = w1x + w2y = \(Self.short(r.neuron.testActivation)); at p = ½ the four masks give E[a] = \(Self.short(half.vanillaExpectation)) = ½ a_test = \(Self.short(half.scaledTestActivation)); "
            + "over p = 0.05…1 the largest |E[a] − p a_test| (and inverted |E[a/p] − a_test|) is \(Self.short(worst))"
        let mc = r.monteCarlo
        let last = mc.points.last!, first = mc.points.first!
        monteCarlo = "K=1: accuracy \(Self.percent(first.accuracy)), agreement \(Self.percent(first.agreement)); K=\(last.passes): accuracy \(Self.percent(last.accuracy)), "
            + "agreement \(Self.percent(last.agreement)) with the weight-scaled pass (accuracy \(Self.percent(mc.deterministicAccuracy))); "
            + (mc.disagreeingExamples.isEmpty
               ? "no test example disagrees"
               : "\(mc.disagreeingExamples.count) examples still disagree, with weight-scaled top-two margins \(mc.disagreeingMargins.map(Self.short).joined(separator: ", ")) (median margin \(Self.short(mc.medianMargin))): E[softmax f(x,z)] ≠ softmax f(x, E z) through the ReLUs and the softmax")
        ensembles = r.ensembles.map { e in
            "\(e.trainCount) training examples: single nets \(Self.percent(e.meanSingleAccuracy)) on average; ensemble of \(e.members.count) \(Self.percent(e.independentAccuracy.last!)) (gain \(Self.points(e.ensembleGain))); "
                + "gain \(Self.gainSpread(e)); "
                + "\(Self.percent(e.sharedErrorRate)) of the test examples are missed by every member, against \(Self.percent(1 - e.meanSingleAccuracy)) by a single net on average; "
                + "\(e.checkpointAccuracy.count) checkpoints of one run \(e.checkpointAccuracy.last.map(Self.percent) ?? "-"); running parameter average \(Self.percent(e.runningAverageAccuracy))"
        }.joined(separator: " | ")
        boundaries = "\(r.boundaries.dataset): " + r.boundaries.maps.map { "\($0.name): train \(Self.percent($0.trainAccuracy)), test \(Self.percent($0.testAccuracy))" }.joined(separator: "; ")
    }

    /// One panel of figure 1: the end-of-training loss gap per p, what it is made of, and whether
    /// it shrinks at every step down in p.
    static func overfitting(_ panel: OverfittingPanel) -> String {
        let curves = panel.curves
        func list(_ f: (OverfittingCurve) -> String) -> String { curves.map(f).joined(separator: " / ") }
        let inputs = curves.contains { $0.inputKeep < 1 } ? ", inputs kept with " + list { String(format: "%.2g", $0.inputKeep) } : ""
        let sorted = curves.sorted { $0.keep > $1.keep }
        let closes = zip(sorted, sorted.dropFirst()).allSatisfy { $1.lossGap < $0.lossGap }
        return "\(panel.dataset) (\(panel.hidden.map(String.init).joined(separator: "-"))\(inputs)), p = \(list { String(format: "%.2g", $0.keep) }), "
            + "last \(OverfittingStudy.tail) epochs: validation − train loss \(list { String(format: "%.3f", $0.lossGap) }) "
            + "(train \(list { String(format: "%.4f", $0.finalTrainLoss) }), validation \(list { String(format: "%.3f", $0.finalValidationLoss) })); "
            + "accuracy train \(list { percent($0.finalTrainAccuracy) }), validation \(list { percent($0.finalValidationAccuracy) }); "
            + (curves.count < 2 ? "one p only" : closes ? "the gap shrinks at every step down in p" : "the gap does not shrink at every step down in p")
    }

    /// What dropout did to one data set of figure 1, in both metrics: whether the best dropout
    /// net beats the no-dropout net in validation accuracy, and whether every dropout net has a
    /// smaller loss gap. The two can disagree, and the figure says so rather than pick one.
    static func verdict(_ panel: OverfittingPanel) -> String {
        let curves = panel.curves.sorted { $0.keep > $1.keep }
        guard let base = curves.first, base.keep == 1, curves.count > 1 else { return "\(panel.dataset): no run without dropout to compare" }
        let dropout = curves.dropFirst()
        let best = dropout.max { $0.finalValidationAccuracy < $1.finalValidationAccuracy }!
        let accuracy = curves.map { String(format: "%.1f", 100 * $0.finalValidationAccuracy) }.joined(separator: " / ") + "%"
        let raises = best.finalValidationAccuracy > base.finalValidationAccuracy
        let narrows = dropout.allSatisfy { $0.lossGap < base.lossGap }
        let lossPart = narrows ? "narrows the loss gap" : "does not narrow the loss gap at every p"
        // Why not, when not: a net without dropout that barely overfits leaves dropout nothing to
        // win back, and its noise then costs fit.
        let accuracyPart = raises
            ? "raises val. accuracy (\(accuracy), best p = \(best.keep))"
            : "does not raise val. accuracy here (\(accuracy))"
                + (base.accuracyGap < Self.littleOverfitting
                   ? ": without it train − val is only \(String(format: "%.1f", 100 * base.accuracyGap)) pts, little overfitting to undo" : "")
        return "\(panel.dataset): dropout \(lossPart) and \(accuracyPart)"
    }

    /// A train − validation accuracy gap below this is little overfitting (3 points).
    static let littleOverfitting = 0.03

    /// The gain over the study's independent ensembles: mean, 95% interval and range.
    static func gainSpread(_ e: EnsembleStudy) -> String {
        let (mean, half) = e.gainOverRepeats
        guard e.repeatGains.count > 1 else { return "one ensemble: no spread over seeds (--ensemble-repeats)" }
        return "\(e.repeatGains.count) ensembles of \(e.members.count), own seeds: \(String(format: "%+.1f ± %.1f", 100 * mean, 100 * half)) pts (95%), "
            + "range \(String(format: "%+.1f … %+.1f", 100 * e.repeatGains.min()!, 100 * e.repeatGains.max()!))"
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
    static func points(_ x: Double) -> String { String(format: "%+.1f pts", 100 * x) }
    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 1e-3 && abs(x) < 1e4 ? String(format: "%.4g", x) : String(format: "%.2e", x))
    }
}
