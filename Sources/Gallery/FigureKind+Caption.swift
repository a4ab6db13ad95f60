import Foundation

extension FigureKind {
    /// The caption of a figure of this kind: the catalog's lecture point and deck, and what the
    /// JSON beside it (`json`, nil if there is none) says. `sibling` reads another file of the
    /// figure's folder by name (a student's `results.json`).
    func caption(fileName: String, json: Data?, sibling: (String) -> Data?) -> FigureCaption {
        let lecture = self.lecture
        var caption = FigureCaption(title: fileName, lecturePoint: lecture.point, deck: lecture.deck, finding: nil, numbers: [])
        guard let json else { return caption }
        if let common = FigureJSON.decode(FigureJSON.Common.self, from: json) {
            if let figure = common.figure { caption.title = figure }
            if let seed = common.parameters?.seed ?? common.seed { caption.numbers.append(KeyNumber("seed", String(seed))) }
        }
        guard fill(&caption, from: json, sibling: sibling) else {
            caption.finding = "(numbers unavailable: the JSON is not in the form this version of lab writes)"
            return caption
        }
        return caption
    }

    /// Adds the kind's finding and numbers; false if the JSON lacks what the kind's view needs.
    private func fill(_ caption: inout FigureCaption, from json: Data, sibling: (String) -> Data?) -> Bool {
        switch self {
        case .activations, .gradients:
            guard let view = FigureJSON.decode(FigureJSON.InitStudyScheme.self, from: json),
                  let first = view.layers.first, let last = view.layers.last else { return false }
            // The scheme's own expectation replaces the general point: the summary makes that one.
            caption.lecturePoint = "Weight initialization, \(view.scheme.name) (W ~ \(view.scheme.initializer), "
                + "\(view.scheme.activation)): \(view.scheme.lectureSays)."
            if case .activations = self {
                caption.finding = view.verdict
                caption.numbers += [KeyNumber("std of h, layer \(first.layer)", first.activationStd),
                                    KeyNumber("std of h, layer \(last.layer)", last.activationStd)]
            } else {
                caption.finding = view.gradientVerdict
                caption.numbers += [KeyNumber("std of dL/dW, layer \(first.layer)", first.weightGradientStd),
                                    KeyNumber("std of dL/dW, layer \(last.layer)", last.weightGradientStd),
                                    KeyNumber("gradient reaching layer 1", KeyNumber.short(view.backwardGain) + "×")]
            }
        case .initSummary:
            guard let view = FigureJSON.decode(FigureJSON.InitStudySummary.self, from: json) else { return false }
            caption.numbers += view.schemes.compactMap { curve in
                curve.activationStd.last.map { KeyNumber("\(curve.scheme.name): std of h, last layer", $0) }
            }
        case .contour, .loss, .animation:
            guard let view = FigureJSON.decode(FigureJSON.OptimizerFigure.self, from: json) else { return false }
            caption.numbers.append(KeyNumber("start, steps", "(\(KeyNumber.short(view.parameters.start.x)), "
                                             + "\(KeyNumber.short(view.parameters.start.y))), \(view.parameters.steps)"))
            caption.numbers += view.optimizers.map { KeyNumber($0.label, $0.outcome) }
        case .learningRateSweep, .learningRateSweepPaths:
            guard let view = FigureJSON.decode(FigureJSON.Sweep.self, from: json) else { return false }
            caption.numbers += view.learningRates.map { KeyNumber("lr \(KeyNumber.short($0.learningRate))", $0.verdict) }
        case .overfitting, .vanillaVersusInverted, .twoInputNeuron, .monteCarloDropout, .ensembles, .decisionBoundaries:
            return fillDropout(&caption, from: json)
        case .contactSheet:
            guard let view = FigureJSON.decode(FigureJSON.Sheet.self, from: json) else { return false }
            caption.lecturePoint = view.lecturePoint
            caption.finding = view.findings.isEmpty ? nil : view.findings.joined(separator: " ")
            caption.numbers += [KeyNumber("samples", String(max(0, view.samples.count - 1))),
                                KeyNumber("input", view.inputs.joined(separator: "; "))]
        case .feedback(let exercise, let student):
            guard let view = FigureJSON.decode(FigureJSON.Feedback.self, from: json) else { return false }
            caption.title = "\(exercise): feedback for \(student)"
            caption.numbers.append(KeyNumber("student", student))
            if let results = sibling("results.json").flatMap({ FigureJSON.decode(FigureJSON.Results.self, from: $0) }) {
                caption.numbers.append(KeyNumber("score", "\(KeyNumber.short(results.score)) / \(KeyNumber.short(results.maxScore))"))
            }
            if !view.worst.isEmpty { caption.numbers.append(KeyNumber("worst elements", view.worst.prefix(3).joined(separator: ", "))) }
            if view.referenceWithheld == true { caption.finding = "The reference values are withheld (before the deadline)." }
        case .classScores:
            guard let view = FigureJSON.decode(FigureJSON.Scores.self, from: json) else { return false }
            caption.numbers += [KeyNumber("students", String(view.students)),
                                KeyNumber("mean", "\(KeyNumber.short(view.mean)) / \(KeyNumber.short(view.maxScore))"),
                                KeyNumber("median", view.median)]
        case .described:
            guard let view = FigureJSON.decode(FigureJSON.DescribedFigure.self, from: json) else { return false }
            caption.lecturePoint = view.caption.lecturePoint
            caption.deck = view.caption.deck.flatMap(LectureDeck.init(tag:))
            caption.finding = view.caption.finding
            caption.numbers += (view.caption.numbers ?? []).map { KeyNumber($0.name, $0.value) }
        case .unrecognized:
            break
        }
        return true
    }

    /// Every dropout figure has the run's finding and setting; some have a number of their own.
    private func fillDropout(_ caption: inout FigureCaption, from json: Data) -> Bool {
        guard let view = FigureJSON.decode(FigureJSON.Dropout.self, from: json) else { return false }
        caption.finding = view.finding
        caption.numbers.append(KeyNumber("data", "\(view.parameters.dataset), \(view.parameters.trainCount) training examples, "
                                         + "\(view.parameters.epochs) epochs, keep p = "
                                         + view.parameters.keeps.map(KeyNumber.short).joined(separator: ", ")))
        switch self {
        case .vanillaVersusInverted:
            guard let results = FigureJSON.decode(FigureJSON.VanillaVersusInverted.self, from: json)?.results else { return false }
            caption.numbers += [KeyNumber("max |Δ probability|", results.maxProbabilityDifference),
                                KeyNumber("test accuracy, vanilla / inverted",
                                          "\(KeyNumber.percent(results.vanillaTestAccuracy)) / \(KeyNumber.percent(results.invertedTestAccuracy))")]
        case .monteCarloDropout:
            guard let results = FigureJSON.decode(FigureJSON.MonteCarlo.self, from: json)?.results else { return false }
            caption.numbers.append(KeyNumber("weight-scaled accuracy (\(results.testCount) tests)", KeyNumber.percent(results.deterministicAccuracy)))
        case .ensembles:
            guard let studies = FigureJSON.decode(FigureJSON.Ensembles.self, from: json)?.results else { return false }
            caption.numbers += studies.map {
                KeyNumber("\($0.trainCount) examples: single net → ensemble",
                          "\(KeyNumber.percent($0.meanSingleAccuracy)) → \(KeyNumber.percent($0.meanSingleAccuracy + $0.ensembleGain))")
            }
            caption.numbers += studies.compactMap { study in
                guard let gains = study.repeatGains, gains.count > 1, let low = gains.min(), let high = gains.max() else { return nil }
                let mean = gains.reduce(0, +) / Double(gains.count)
                return KeyNumber("\(study.trainCount) examples: gain over \(gains.count) ensembles",
                                 String(format: "%+.1f pts on average (%+.1f … %+.1f)", 100 * mean, 100 * low, 100 * high))
            }
        default:
            break
        }
        return true
    }
}
