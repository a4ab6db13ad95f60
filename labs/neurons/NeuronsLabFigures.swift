import Foundation
import NNEngine
import NNRender

/// The seven figures of the neurons lab, built from the computed values.
struct NeuronsLabFigures {
    var result: NeuronsLabResult

    /// Figure 1: a panel per activation, f solid and f′ dashed; each title gives the name and
    /// f′(−10), the gradient left of the origin (saturated, dead or flowing). The other per-panel
    /// facts (f′(0), f′(10), E f(z), the dead share, the gradient check) are in the JSON and the
    /// caption: at the slide font, five panels a row hold ~18 characters a title line.
    var activations: any Figure {
        let panels = result.activations.map { a -> LinePlot.Panel in
            LinePlot.Panel(title: "\(a.name)\nf′(−10) = \(Format.short(a.probes[0].derivative))",
                           xLabel: "x", yLabel: "", series: [
                               .init(name: "", x: a.x, y: a.f, color: 0),
                               .init(name: "", x: a.x, y: a.derivative, color: 1, dashed: true),
                           ], markers: false)
        }
        return SizedFigure(figure: LinePlot(title: "Ten activations on [−10, 10]: f solid blue, f′ dashed orange (the engine's backward pass)",
                                            panels: panels, key: .insideBottomRight, columns: 5),
                           size: FigureSize(width: 1920, height: 1080))
    }

    static func points(_ xs: [Double], _ ys: [Double], _ labels: [Int]) -> [(x: Double, y: Double, label: Int)] {
        (0..<labels.count).map { (xs[$0], ys[$0], labels[$0]) }
    }

    static func panel(_ map: DecisionMap, title: String, points: [(x: Double, y: Double, label: Int)]) -> ClassMapPlot.Panel {
        ClassMapPlot.Panel(title: title, xs: map.xs, ys: map.ys, classes: map.classes, points: points)
    }

    /// Figure 2: logistic regression, the hidden-layer net, and the hidden features.
    var linearLimits: ClassMapPlot {
        let l = result.linearLimits
        let data = Self.points(l.pointsX, l.pointsY, l.labels)
        return ClassMapPlot(title: "\"Are the 2 inputs equal?\" (orange: same, blue: different): no line separates it, one hidden layer does", classCount: 2, panels: [
            Self.panel(l.logistic, title: "logistic regression\ntraining accuracy \(Format.percent(l.logistic.trainAccuracy))", points: data),
            Self.panel(l.hidden, title: "one hidden layer, 2 tanh units\ntraining accuracy \(Format.percent(l.hidden.trainAccuracy))", points: data),
            Self.panel(l.featureMap, title: "in hidden coordinates (h₁, h₂)\nthe boundary is a line",
                       points: Self.points(l.featureX, l.featureY, l.labels)),
        ])
    }

    /// Figure 3: the deep linear net, its one-matrix collapse, and the ReLU net.
    var linearCollapse: ClassMapPlot {
        let c = result.linearCollapse, l = result.linearLimits
        let data = Self.points(l.pointsX, l.pointsY, l.labels)
        let sizes = c.layerSizes.map(String.init).joined(separator: "-")
        return ClassMapPlot(title: "No activation means linear: a \(sizes) affine net is one map x W + b (max |Δ score| \(Format.short(c.maxScoreDifference)))", classCount: 2, panels: [
            Self.panel(c.deepLinear, title: "\(sizes), no activation\ntraining accuracy \(Format.percent(c.deepLinear.trainAccuracy))", points: data),
            Self.panel(c.collapsed, title: "one matrix W = W₁W₂W₃\ntraining accuracy \(Format.percent(c.collapsed.trainAccuracy))", points: data),
            Self.panel(c.withReLU, title: "\(sizes) with ReLU between\ntraining accuracy \(Format.percent(c.withReLU.trainAccuracy))", points: data),
        ])
    }

    /// Figure 4: the fits, and the bumps. Legend names stay short (the MSE of each fit is in the
    /// caption) so that the legends below the panels take two rows, clear of the x labels.
    var approximation: LinePlot {
        let a = result.approximation
        var fits: [LinePlot.Series] = [.init(name: "target", x: a.x, y: a.y, color: 7, dashed: true)]
        for (i, f) in a.fits.enumerated() {
            fits.append(.init(name: "\(f.units) unit\(f.units == 1 ? "" : "s")", x: a.x, y: f.prediction, color: i))
        }
        let bumps = a.bumps.enumerated().map { i, b in LinePlot.Series(name: Self.bumpLabel(b.name), x: a.x, y: b.y, color: i) }
        return LinePlot(title: "One hidden layer approximates any continuous function: more units, closer fit (target \(a.target))", panels: [
            LinePlot.Panel(title: "sigmoid units, Adam on MSE\nMSE \(Format.short(a.fits.first!.meanSquaredError)) (1 unit) → \(Format.short(a.fits.last!.meanSquaredError))",
                           xLabel: "x", yLabel: "y", series: fits, markers: false),
            LinePlot.Panel(title: "a bump: σ(k(x+1)) − σ(k(x−1))\nor a ReLU hat", xLabel: "x", yLabel: "unit output sum",
                           series: bumps, markers: false),
            LinePlot.Panel(title: "\(a.towerCount) bumps (\(2 * a.towerCount) sigmoids)\nmax error \(Format.short(a.towerMaxError))",
                           xLabel: "x", yLabel: "y", series: [
                               .init(name: "target", x: a.x, y: a.y, color: 7, dashed: true),
                               .init(name: "bumps", x: a.x, y: a.tower, color: 0),
                           ], markers: false),
        ], key: .below)
    }

    /// "k = 4" for the bump "σ(4(x+1)) − σ(4(x−1))", "ReLU hat" for the ReLU one.
    static func bumpLabel(_ name: String) -> String {
        if name.hasPrefix("ReLU") { return "ReLU hat" }
        let parts = name.split(separator: "(")
        return parts.count > 1 ? "k = \(parts[1])" : name
    }

    /// Figure 5: training loss of ReLU and tanh per seed, epochs to target, dead fraction against lr.
    var speed: LinePlot {
        let s = result.speed
        let styles = ["ReLU": (0, false), "tanh": (1, true), "sigmoid": (2, true)]
        let losses = s.runs.map { r in
            LinePlot.Series(name: "\(r.activation) seed \(r.seed)", x: (0..<r.trainLoss.count).map { Double($0 + 1) },
                            y: r.trainLoss, color: styles[r.activation]?.0, dashed: styles[r.activation]?.1 ?? false)
        }
        let epochsPanel = [LinePlot.Series(name: "target \(Format.short(s.targetLoss))", x: [1, Double(result.configuration.speedEpochs)],
                                           y: [s.targetLoss, s.targetLoss], color: 7, dashed: true)]
        let lrs = s.dead.map(\.learningRate)
        let diverged = s.dead.map(\.divergedRuns).reduce(0, +)
        let speedDiverged = s.runs.filter(\.diverged).count
        return LinePlot(title: "ReLU vs tanh and sigmoid (\(s.hidden.map(String.init).joined(separator: "-")) nets, plain SGD, \(s.dataset))", panels: [
            LinePlot.Panel(title: "training loss, lr \(Format.short(result.configuration.speedLearningRate)), \(result.configuration.speedSeeds) seeds\nepochs to ≤ \(Format.short(s.targetLoss)): \(s.speedups.first.map { "\($0.against)/ReLU \(ReLUSpeed.ratio($0))" } ?? "")"
                                + (speedDiverged > 0 ? "\n\(speedDiverged) of \(s.runs.count) runs diverged (curves end)" : ""),
                           xLabel: "epoch", yLabel: "training loss", series: epochsPanel + legendOnce(losses), logY: true, markers: false),
            LinePlot.Panel(title: "dead ReLUs after \(result.configuration.speedEpochs) epochs (layer 1)\nat init: \(Format.percent(s.initialDeadFraction))"
                                + (diverged > 0 ? "; \(diverged) runs diverged" : ""),
                           xLabel: "learning rate", yLabel: "fraction of units dead", series: [
                               .init(name: "dead on every training point", x: lrs, y: s.dead.map { $0.meanDeadFraction ?? .nan }),
                           ], logX: true, yFrom: 0),
        ], key: .below)
    }

    /// One legend entry per activation: the other seeds' curves keep the colour, without a name.
    func legendOnce(_ series: [LinePlot.Series]) -> [LinePlot.Series] {
        var seen = Set<String>()
        return series.map { s in
            var s = s
            let activation = String(s.name.split(separator: " ").first ?? "")
            // The name goes to the first curve with a point: a run that diverged in its first
            // epoch has none, and gnuplot leaves an empty series out of the legend.
            if seen.contains(activation) || s.x.isEmpty { s.name = "" } else { s.name = "\(activation) (each seed)"; seen.insert(activation) }
            return s
        }
    }

    /// Figure 6: the worked example as a computational graph.
    var backprop: ComputationGraphFigure {
        let b = result.backprop
        let positions: [(Double, Double)] = [(-0.3, 1), (-0.3, -1), (2.6, 1), (2.6, -1), (4.8, 1), (4.8, -1), (7, 0), (8.6, 0), (10.2, 0)]
        let nodes = zip(b.nodes, positions).map { ComputationGraphFigure.Node(x: $1.0, y: $1.1, name: $0.name, value: $0.value, delta: $0.delta) }
        func edge(_ p: Int, _ from: Int, _ to: Int, at: Double) -> ComputationGraphFigure.Edge {
            let q = b.parameters[p]
            return .init(from: from, to: to, label: "\(q.name) \(Format.short(q.value))\n∂ \(ComputationGraphFigure.format(q.gradient))", at: at)
        }
        let edges = [edge(0, 0, 2, at: 0.5), edge(1, 0, 3, at: 0.66), edge(2, 1, 2, at: 0.66), edge(3, 1, 3, at: 0.5),
                     .init(from: 2, to: 4, label: "σ", at: 0.5), .init(from: 3, to: 5, label: "σ", at: 0.5),
                     edge(6, 4, 6, at: 0.5), edge(7, 5, 6, at: 0.5),
                     .init(from: 6, to: 7, label: "σ", at: 0.5), .init(from: 7, to: 8, label: "(y−t)²", at: 0.5)]
        let biases = b.parameters[4...5].map { "\($0.name)=\(Format.short($0.value)) (∂L/∂\($0.name)=\(ComputationGraphFigure.format($0.gradient)))" }
            + ["\(b.parameters[8].name)=\(Format.short(b.parameters[8].value)) (∂L/∂c=\(ComputationGraphFigure.format(b.parameters[8].gradient)))"]
        let footer = "biases: " + biases.joined(separator: ", ") + ";  target t = \(b.target)\n"
            + "hand backprop vs engine backward: max |Δ| \(Format.short(b.engineMaxDifference)); "
            + "vs centred differences: max relative error \(Format.short(b.maxRelativeError)) (\(b.band))"
        return ComputationGraphFigure(title: "Backprop on a 2-2-1 sigmoid net: value (black) and δ = ∂L/∂node (red); edges: weight and ∂ = ∂L/∂weight",
                                      nodes: nodes, edges: edges, footer: footer)
    }

    /// Figure 7: relative error against the step h. The legend gives each curve's best error (the
    /// best steps and the truncation slopes are in the caption); short names keep it to two rows
    /// under the panel, clear of the x label.
    var stepSweep: any Figure {
        let s = result.stepSweep
        let plot = LinePlot(title: "Gradient check of ∂L/∂\(s.parameter) = \(Format.short(s.analytic)): relative error against the step h", panels: [
            LinePlot.Panel(title: "right: truncation (slope 1 one-sided, 2 centred); left: rounding ε/h",
                           xLabel: "step h", yLabel: "relative error", series: s.curves.enumerated().map { i, c in
                               .init(name: "\(c.name) (best \(Format.short(c.bestError)))",
                                     x: s.steps, y: c.relativeError, color: i % 2, dashed: i >= 2)
                           }, logY: true, logX: true),
        ], key: .below)
        return SizedFigure(figure: plot, size: FigureSize(width: 1920, height: 1080))
    }
}
