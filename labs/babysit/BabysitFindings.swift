import Foundation
import NNEngine

/// What each figure shows, from the measured numbers: one sentence for the terminal and the
/// gallery, and the numbers behind it.
struct BabysitFindings {
    struct Finding {
        var lecturePoint: String
        var deck: String
        var text: String
        var numbers: [(String, String)]
    }

    let sanity, finder, curves, ratios, histograms, weights, schedules, batches: Finding

    static func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)g", x) }
    static func pct(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    init(_ r: BabysitResult) {
        let s = r.sanity
        let proper = s.initialLosses[0], broken = s.initialLosses[1]
        let good = s.overfits.first { !$0.setup.hasPrefix("broken") }, bad = s.overfits.first { $0.setup.hasPrefix("broken") }
        func overfitText(_ o: SanityChecks.Overfit?) -> String {
            guard let o else { return "not run" }
            if case let .diverged(step, _) = o.outcome { return "diverged at step \(step)" }
            return o.firstPerfectEpoch.map { "100% train accuracy at epoch \($0)" } ?? "\(Self.pct(o.trainAccuracy.last ?? 0)) train accuracy after \(o.trainAccuracy.count) epochs"
        }
        sanity = Finding(lecturePoint: "Before training: the initial loss is log C (2.303 for 10 classes) and rises when regularization is added; a small net must overfit 20 examples to 100% with regularization off.",
                         deck: "001",
                         text: "initial loss \(Self.f(proper.dataLoss, 4)) vs log C = \(Self.f(s.logC, 4)) (\(proper.nearLogC ? "passes" : "fails")), rising with λ to \(Self.f(proper.totalLoss.last!)) at λ = \(Self.f(SanityChecks.lambdas.last!)); 20 examples: \(overfitText(good)); broken (weights ×10): initial loss \(Self.f(broken.dataLoss)) (\(broken.nearLogC ? "passes" : "fails")), \(overfitText(bad))",
                         numbers: [("initial loss", Self.f(proper.dataLoss, 4)), ("log C", Self.f(s.logC, 4)),
                                   ("broken initial loss", Self.f(broken.dataLoss)), ("overfit 20", overfitText(good)),
                                   ("broken overfit 20", overfitText(bad))])

        finder = Finding(lecturePoint: "Find a learning rate that makes the loss drop significantly: too low and the loss barely changes, too high and it explodes.",
                         deck: "001",
                         text: r.finders.map { x in
                             "\(x.optimizer): too low below \(x.tooLowBelow.map { Self.f($0, 2) } ?? "–"), minimum at \(Self.f(x.minimumAt, 2)), too high from \(x.tooHighFrom.map { Self.f($0, 2) } ?? "beyond the sweep")\(x.diverged ? " (NaN)" : "")"
                         }.joined(separator: "; "),
                         numbers: r.finders.flatMap { x in [("\(x.optimizer): minimum at", Self.f(x.minimumAt, 2)), ("\(x.optimizer): suggested", Self.f(x.suggested, 2))] })

        curves = Finding(lecturePoint: "Read the loss curve: too high explodes, too low falls linearly, bad init plateaus then drops, a big train/validation gap means too little regularization.",
                         deck: "001",
                         text: r.curves.map { c in
                             let last = c.epochs.last
                             let end = c.divergedAtStep.map { "diverged at step \($0)" }
                                 ?? "final loss \(Self.f(last?.trainLoss ?? .nan)), train \(Self.pct(last?.trainAccuracy ?? .nan)) / val \(Self.pct(last?.validationAccuracy ?? .nan))"
                             return "\(c.run.shortName): \(end)"
                         }.joined(separator: "; "),
                         numbers: r.curves.map { c in (c.run.shortName, c.divergedAtStep.map { "NaN at step \($0)" } ?? "val \(Self.pct(c.epochs.last?.validationAccuracy ?? .nan))") })

        let inside = r.inside
        ratios = Finding(lecturePoint: "The ratio of update to weight magnitudes should be about 1e-3: much lower, the learning rate is too low; much higher, too high.",
                         deck: "000",
                         text: "median ‖ΔW‖/‖W‖ per layer over the good run: " + zip(inside.layers, inside.medianRatios).map { "\($0): \(Self.f($1, 2))" }.joined(separator: ", "),
                         numbers: zip(inside.layers, inside.medianRatios).map { ($0, Self.f($1, 2)) })
        let firstProbe = inside.probes.first, lastProbe = inside.probes.last
        histograms = Finding(lecturePoint: "Watch the activations and gradients of every layer: ReLU units that never activate are dead and get no gradient.",
                             deck: "001",
                             text: "dead ReLUs on \(BabysitLab.probeCount) validation digits: " + (firstProbe.map { p in "epoch \(p.epoch): \(p.deadUnits.map(String.init).joined(separator: ", "))" } ?? "")
                                + (lastProbe.map { p in "; epoch \(p.epoch): \(p.deadUnits.map(String.init).joined(separator: ", ")) (of \(p.units.map(String.init).joined(separator: ", ")))" } ?? "")
                                + "; at the end of each loss-curve run: " + inside.deadAtEndOfEachRun.map { "\($0.run): \($0.dead.map(String.init).joined(separator: "+"))" }.joined(separator: ", "),
                             numbers: inside.deadAtEndOfEachRun.map { d in ("dead units, \(d.run)", "\(d.dead.reduce(0, +)) of \(d.units.reduce(0, +))") })
        let change = zip(inside.firstLayerInitial, inside.firstLayerFinal).map { a, b -> Double in
            let moved: Double = zip(a, b).reduce(0.0) { sum, pair in sum + (pair.0 - pair.1) * (pair.0 - pair.1) }
            let size: Double = a.reduce(0.0) { $0 + $1 * $1 }
            return (moved / Swift.max(1e-300, size)).squareRoot()
        }
        let medianChange = change.sorted().dropFirst(change.count / 2).first ?? .nan
        weights = Finding(lecturePoint: "Visualize the first layer's weights: noise at initialization, smooth strokes after training.",
                          deck: "001",
                          text: inside.imageSide == nil ? "inputs are not images: no weight images" : "first-layer weights as 8×8 images; median relative change of a unit's weights ‖W_end − W_0‖/‖W_0‖ = \(Self.f(medianChange, 2))",
                          numbers: [("median relative change", Self.f(medianChange, 2))])

        // Ties are common (one test digit is 1/359 of the accuracy): name every schedule that
        // reaches the best, not the first of them.
        let bestAccuracy = r.schedules.map(\.restoredTestAccuracy).max() ?? .nan
        let best = r.schedules.filter { $0.restoredTestAccuracy == bestAccuracy }.map(\.label)
        schedules = Finding(lecturePoint: "Decay the learning rate over time (step, exponential, 1/t, cosine, warm restarts, warm-up, reduce on plateau); stop early at the best validation epoch and restore that checkpoint.",
                            deck: "004",
                            text: "restored-checkpoint test accuracy: " + r.schedules.map { "\($0.label) \(Self.pct($0.restoredTestAccuracy)) (epoch \($0.bestEpoch))" }.joined(separator: ", ")
                                + "; best \(Self.pct(bestAccuracy)): \(best.isEmpty ? "–" : best.joined(separator: " / "))",
                            numbers: r.schedules.map { ($0.label, "\(Self.pct($0.restoredTestAccuracy)) at epoch \($0.bestEpoch)") })

        let noiseLine = r.noise.map { "\($0.state): B_noise = tr Σ/‖G‖² = \(Self.f($0.noiseScale, 3))" }.joined(separator: "; ")
        let scaled = r.batches.filter(\.scaled)
        batches = Finding(lecturePoint: "Minibatch gradients are noisy estimates of the full gradient; the noise falls as 1/B, and the linear-scaling rule keeps the learning per example seen.",
                          deck: "004",
                          text: noiseLine + "; with linear scaling, loss noise " + scaled.map { "B=\($0.batchSize): \(Self.f($0.lossNoise, 2))" }.joined(separator: ", ")
                            + "; final val accuracy " + scaled.map { "B=\($0.batchSize): \($0.divergedAtStep == nil ? Self.pct($0.finalValidationAccuracy) : "NaN")" }.joined(separator: ", "),
                          numbers: r.noise.map { ("noise scale, \($0.state)", Self.f($0.noiseScale, 3)) }
                            + r.batches.map { ("B=\($0.batchSize)\($0.scaled ? ", scaled lr" : ", same lr")", $0.divergedAtStep == nil ? Self.pct($0.finalValidationAccuracy) : "diverged") })
    }
}
