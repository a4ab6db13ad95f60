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

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
    static func points(_ x: Double) -> String { String(format: "%+.1f pts", 100 * x) }
    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 1e-3 && abs(x) < 1e4 ? String(format: "%.4g", x) : String(format: "%.2e", x))
    }
}
