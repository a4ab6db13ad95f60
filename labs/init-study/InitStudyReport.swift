import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns an `InitStudyResult` into figures and the JSON files beside them.
///
/// Layout under the output folder:
/// - `<scheme>-activations.{png,json}`: per-layer histograms of hₗ, titled with mean and std;
/// - `<scheme>-gradients.{png,json}`: per-layer histograms of dL/dWₗ, titled with their std;
/// - `summary.{png,json}`: activation std and dL/dW std against layer for every scheme, log-y.
public enum InitStudyReport {
    /// The run's parameters, repeated in every JSON so that each file stands on its own.
    struct Parameters: Codable {
        var lab = "init-study"
        var depth: Int, width: Int, batch: Int, seed: UInt64, bins: Int
        var input: String
        var upstreamGradient: String
    }

    struct SchemeDescription: Codable {
        var name: String, initializer: String, activation: String, lectureSays: String
    }

    /// The data behind one scheme's histogram figure.
    struct HistogramFigureData: Codable {
        var figure: String
        var parameters: Parameters
        var scheme: SchemeDescription
        var verdict: String
        /// What the weight gradients show.
        var gradientVerdict: String
        /// Whether every layer stayed within float64, and where it stopped if not.
        var outcome: SignalOutcome
        /// std(dL/dh₁) / std(dL/dh at the output): how much of the gradient signal reaches layer 1.
        var backwardGain: Double
        var unitsIdentical: Bool
        var layers: [LayerStatistics]
        var histograms: [Histogram]
    }

    /// The data behind the summary figure.
    struct SummaryData: Codable {
        struct Curve: Codable {
            var scheme: SchemeDescription
            var verdict: String
            var outcome: SignalOutcome
            /// Per layer; "inf" and "nan" where float64 ran out. The figure draws only the finite,
            /// positive values (a log axis).
            var activationStd: [Double]
            var weightGradientStd: [Double]
        }
        var figure = "activation std and dL/dW std against layer, every scheme"
        var parameters: Parameters
        var schemes: [Curve]
    }

    /// Writes every figure (in one gnuplot process) and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ result: InitStudyResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let parameters = Parameters(depth: c.depth, width: c.width, batch: c.batch, seed: c.seed, bins: c.bins,
                                    input: "x ~ N(0, 1), shape [\(c.batch), \(c.width)], no bias",
                                    upstreamGradient: "dL/dh\(c.depth) ~ N(0, 1), shape [\(c.batch), \(c.width)]")
        var jobs: [(figure: any Figure, url: URL)] = []
        var documents: [(url: URL, figure: URL, data: HistogramFigureData)] = []
        let gradientRange = sharedRange(result.schemes.map(\.gradientHistograms))
        for scheme in result.schemes {
            let description = describe(scheme.scheme)
            let heading = "\(scheme.scheme.name): W ~ \(scheme.scheme.initializer.titleText), \(scheme.scheme.activation), \(c.depth) layers of \(c.width), seed \(c.seed)"
            let activationPanels = zip(scheme.layers, scheme.activationHistograms).map { layer, histogram in
                HistogramGrid.Panel(title: "layer \(layer.layer)\nmean \(SchemeResult.short(layer.activationMean))  std \(SchemeResult.short(layer.activationStd))",
                                    histogram: histogram)
            }
            let gradientPanels = zip(scheme.layers, scheme.gradientHistograms).map { layer, histogram in
                HistogramGrid.Panel(title: "layer \(layer.layer)\ndL/dW std \(SchemeResult.short(layer.weightGradientStd))",
                                    histogram: histogram)
            }
            for (kind, panels, label, histograms) in [
                ("activations", activationPanels, "activation value h", scheme.activationHistograms),
                ("gradients", gradientPanels, "dL/dW", scheme.gradientHistograms),
            ] {
                let name = "\(scheme.scheme.name)-\(kind)"
                let caption = kind == "activations"
                    ? "activations: \(scheme.verdict)"
                    : "(x range shared by every scheme) \(scheme.gradientVerdict)"
                // Every scheme's gradients on one x range: on its own range each histogram is a
                // bell filling its panel, and small init's tiny gradients looked like large init's.
                // The title says so; the x label stays short, since it repeats under every panel.
                let figure = HistogramGrid(title: "\(heading)\n\(caption)", xLabel: label, panels: panels,
                                           xRange: kind == "gradients" ? gradientRange : nil)
                jobs.append((figure, renderer.url(for: name, in: folder)))
                documents.append((folder.appendingPathComponent("\(name).json"), renderer.url(for: name, in: folder), HistogramFigureData(
                    figure: "\(kind == "activations" ? "histograms of the activations h" : "histograms of the weight gradients dL/dW") per layer",
                    parameters: parameters, scheme: description, verdict: scheme.verdict, gradientVerdict: scheme.gradientVerdict, outcome: scheme.outcome, backwardGain: scheme.backwardGain,
                    unitsIdentical: scheme.unitsIdentical, layers: scheme.layers, histograms: histograms)))
            }
        }

        let layerAxis = (1...c.depth).map(Double.init)
        // A scheme that left float64 is drawn up to the last layer it computed, and its legend
        // entry says where and why it stopped; the title names it too.
        func name(_ scheme: SchemeResult) -> String {
            scheme.outcome.stoppedAtLayer.map { "\(scheme.scheme.name): stopped at layer \($0)" } ?? scheme.scheme.name
        }
        // The activations stop at the first layer that broke (nothing after it carries
        // information); a log axis skips the gradients' zeros by itself.
        func drawn(_ scheme: SchemeResult, _ values: [Double]) -> [Double] {
            guard let stop = scheme.outcome.activationsStoppedAtLayer else { return values }
            return values.enumerated().map { $0.offset + 1 < stop ? $0.element : .nan }
        }
        // A scheme whose dL/dW is exactly 0 everywhere (constant init: every unit saturated or
        // identical) has no point on the log axis; the panel says so instead of leaving its
        // legend entry without a line.
        let zeroGradients = result.schemes.filter { $0.layers.allSatisfy { $0.weightGradientStd == 0 } }.map(\.scheme.name)
        // A symmetric scheme whose every weight of a layer gets the same gradient has a std of 0
        // (or rounding, ~1e-10) there: no point, or a point far below the others.
        let sameGradient = result.schemes.filter { !zeroGradients.contains($0.scheme.name) && $0.unitsIdentical }.compactMap { scheme -> String? in
            let layers = scheme.layers.filter { $0.weightGradientStd <= 1e-6 * (scheme.layers.map(\.weightGradientStd).max() ?? 0) }.map(\.layer)
            return layers.isEmpty ? nil : "\(scheme.scheme.name): every weight of layers \(SchemeResult.layerList(layers)) gets the same dL/dW (std 0 up to rounding)"
        }
        let gradientNote = zeroGradients.isEmpty && sameGradient.isEmpty ? nil
            : ((zeroGradients.isEmpty ? [] : ["\(zeroGradients.joined(separator: ", ")): dL/dW = 0 exactly in every layer, so no line on this log axis"]) + sameGradient)
                .joined(separator: "\n")
        let stopped = result.schemes.filter { !$0.outcome.isFinite }
        let summaryTitle = "Activation and gradient scale through \(c.depth) layers of \(c.width) (seed \(c.seed))"
            + stopped.map { "\n\($0.scheme.name): \($0.outcome.message)" }.joined()
        let summary = LinePlot(title: summaryTitle, panels: [
            LinePlot.Panel(title: "activations", xLabel: "layer", yLabel: "std of h",
                           series: result.schemes.map { .init(name: name($0), x: layerAxis, y: drawn($0, $0.layers.map(\.activationStd))) },
                           logY: true),
            LinePlot.Panel(title: "weight gradients", xLabel: "layer", yLabel: "std of dL/dW",
                           series: result.schemes.map { .init(name: name($0), x: layerAxis, y: $0.layers.map(\.weightGradientStd)) },
                           logY: true, note: gradientNote),
        ])
        jobs.append((summary, renderer.url(for: "summary", in: folder)))
        let symmetry = Self.symmetry(result, parameters: parameters)
        if let symmetry { jobs.append((symmetry.figure, renderer.url(for: "symmetry", in: folder))) }

        // Two gnuplot processes: the 13 figures draw in half the time on 2 cores.
        try renderer.render(jobs, processes: 2)
        for document in documents { try JSONOutput.write(document.data, to: document.url, figure: document.figure) }
        try JSONOutput.write(SummaryData(parameters: parameters, schemes: result.schemes.map {
            .init(scheme: describe($0.scheme), verdict: $0.verdict, outcome: $0.outcome,
                  activationStd: $0.layers.map(\.activationStd), weightGradientStd: $0.layers.map(\.weightGradientStd))
        }), to: folder.appendingPathComponent("summary.json"), figure: renderer.url(for: "summary", in: folder))
        if let symmetry {
            try JSONOutput.write(symmetry.data, to: folder.appendingPathComponent("symmetry.json"), figure: renderer.url(for: "symmetry", in: folder))
        }
        return jobs.map(\.url)
    }

    /// The x range covering every histogram's finite bins, symmetric about 0, or `nil` if none.
    static func sharedRange(_ histograms: [[Histogram]]) -> ClosedRange<Double>? {
        let reach = histograms.joined().flatMap(\.edges).filter(\.isFinite).map(abs).max()
        return reach.flatMap { $0 > 0 ? -$0...$0 : nil }
    }

    static func describe(_ scheme: Scheme) -> SchemeDescription {
        SchemeDescription(name: scheme.name, initializer: scheme.initializer.description,
                          activation: scheme.activation.description, lectureSays: scheme.expectation)
    }

    /// A table for the terminal: one row per scheme with the activation std of every layer and
    /// what the numbers show.
    public static func table(_ result: InitStudyResult) -> String {
        let nameWidth = max(8, result.schemes.map(\.scheme.name.count).max() ?? 0)
        var lines = ["activation std by layer (seed \(result.configuration.seed), \(result.configuration.depth) layers of \(result.configuration.width), batch \(result.configuration.batch))"]
        for scheme in result.schemes {
            // At least one space after each number: 7.92e-101 is 9 characters.
            let stds = scheme.layers.map { (SchemeResult.short($0.activationStd) + " ").padding(toLength: 10, withPad: " ", startingAt: 0) }.joined()
            lines.append("  " + scheme.scheme.name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0) + stds)
            lines.append("  " + String(repeating: " ", count: nameWidth + 2) + "→ " + scheme.verdict)
        }
        return lines.joined(separator: "\n")
    }
}
