import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns an `OptimizersResult` into figures and the JSON beside each, all rendered in one
/// gnuplot process.
///
/// Layout under the output folder, for each surface `<f>`:
/// - `<f>-contour.{png,json}`: contour map (log-spaced levels where the range is wide) with every
///   optimizer's path, the start and the minima;
/// - `<f>-loss.{png,json}`: `f − f*` against step, log-y (the saddle: distance travelled);
/// - `<f>-animation.{gif,json}`: the contour map with the paths growing frame by frame;
///
/// and, when the valley is selected, `lr-sweep.{png,json}` (SGD's loss against step for each
/// learning rate) and `lr-sweep-contour.{png,json}` (their paths).
public enum OptimizersReport {
    /// The frames of each animation: ~5 s at 8/100 s a frame, small enough files.
    public static let animationFrames = 60
    /// gnuplot processes drawing at the same time.
    public static let renderingProcesses = 2
    /// Samples per side of each contour grid.
    public static let gridResolution = 101

    /// Contour levels per map, and the decades below the largest value they span: 24 over 6 by
    /// default; 12 over 3 on Rosenbrock, whose lowest levels, traced through the narrow curved
    /// valley at grid resolution, drew jagged hatching around it.
    static func levels(_ f: TestFunction) -> (count: Int, decades: Double) {
        f == .rosenbrock ? (12, 3) : (24, 6)
    }

    /// `f` sampled over `domain` for its contour map.
    static func contourGrid(_ f: TestFunction, over domain: PlotDomain) -> ContourGrid {
        let (count, decades) = levels(f)
        return ContourGrid(domain: domain, resolution: gridResolution, levelCount: count, decades: decades) { f.value(x: $0, y: $1) }
    }

    /// The run's parameters, repeated in every JSON so that each file stands on its own.
    struct Parameters: Codable {
        var lab = "optimizers"
        var function: TestFunction
        var formula: String
        var minima: [Point2D]
        var start: Point2D
        var steps: Int
        var domain: PlotDomain
        /// Where a run must stay; leaving it is diverging (or, on the saddle, escaping).
        var runDomain: PlotDomain
        var gradientNoise: Double
        var seed: UInt64
        var convergenceTolerance = OptimizerRun.convergenceTolerance
    }

    /// The data behind one surface's figure: every optimizer's hyperparameters and trajectory.
    struct FigureData: Codable {
        var figure: String
        var parameters: Parameters
        /// The contour levels drawn (contour and animation figures).
        var contourLevels: [Double]?
        /// Frames of the animation, and the step each frame shows.
        var animationFrameSteps: [Int]?
        var optimizers: [OptimizerRun]
    }

    /// The data behind the sweep's figures.
    struct SweepData: Codable {
        var figure: String
        var parameters: Parameters
        var contourLevels: [Double]?
        var learningRates: [LearningRateSweep.Entry]
    }

    /// Writes every figure and its JSON into `folder`; returns the figure URLs.
    @discardableResult
    public static func write(_ result: OptimizersResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        var jobs: [(figure: any Figure, url: URL)] = []
        var documents: [(url: URL, figure: URL, data: any Encodable)] = []
        func add(_ figure: any Figure, _ name: String, fileExtension: String? = nil, _ document: any Encodable) {
            let url = fileExtension.map { folder.appendingPathComponent("\(name).\($0)") } ?? renderer.url(for: name, in: folder)
            jobs.append((figure, url))
            documents.append((folder.appendingPathComponent("\(name).json"), url, document))
        }
        let c = result.configuration

        for study in result.studies {
            let f = study.function
            let parameters = Parameters(function: f, formula: formula(f), minima: f.minima, start: study.start, steps: study.steps,
                                        domain: study.domain, runDomain: study.runDomain, gradientNoise: c.noise, seed: c.seed)
            let grid = contourGrid(f, over: study.domain)
            let heading = "\(f.rawValue): \(formula(f))\n\(study.steps) steps from (\(study.start.x), \(study.start.y))"
                + (c.learningRate == nil ? LectureSettings.note(on: f).map { ", \($0)" } ?? "" : "") + noiseNote(c)
            // The rule's own defaults (μ 0.9, β 0.9/0.999, ε) go in the title, not in every entry:
            // with them, no two entries fit side by side at slide size. Overridden, they stay.
            let defaults = c.overrides == HyperparameterOverrides()
            let contour = ContourPlot(title: heading + (defaults ? "\nevery other hyperparameter at its rule's default (listed in the JSON)" : ""),
                                      grid: grid, paths: study.runs.map { path($0, full: !defaults) }, starts: [study.start], minima: f.minima)
            add(contour, "\(f.rawValue)-contour", FigureData(figure: "contour map of \(f.rawValue) with every optimizer's path",
                                                              parameters: parameters, contourLevels: grid.levels, optimizers: study.runs))

            let distance = f.minimumValue == nil
            let loss = LinePlot(title: heading, panels: [LinePlot.Panel(
                title: distance ? "distance travelled (f is unbounded below)" : "f − f* against step",
                xLabel: "step", yLabel: distance ? "distance travelled Σ‖Δx‖" : "f(x, y) − f*",
                series: study.runs.map { lossSeries($0, distance: distance, minimum: f.minimumValue ?? 0) },
                logY: true, markers: false, note: distance ? nil : oscillationNote(study.runs))], key: .below)
            add(loss, "\(f.rawValue)-loss", FigureData(
                figure: distance ? "distance travelled against step, log-y" : "f − f* against step, log-y",
                parameters: parameters, optimizers: study.runs))

            if c.animation {
                // The animation's legend is the rule and its learning rate, as in the originals:
                // the full hyperparameters are in the still map and the JSON, and every frame
                // redraws every glyph of the legend.
                var moving = contour
                moving.paths = zip(contour.paths, study.runs).map { path, run in
                    var path = path
                    path.name = run.shortLabel
                    return path
                }
                let animation = ContourAnimation(plot: moving, frames: animationFrames)
                add(animation, "\(f.rawValue)-animation", fileExtension: ContourAnimation.fileExtension, FigureData(
                    figure: "animated contour map of \(f.rawValue): the paths grow frame by frame",
                    parameters: parameters, contourLevels: grid.levels,
                    animationFrameSteps: (0..<animationFrames).map(animation.stepShown(atFrame:)), optimizers: study.runs))
            }
        }

        if let sweep = result.sweep {
            let f = sweep.function
            let parameters = Parameters(function: f, formula: formula(f), minima: f.minima, start: sweep.start, steps: sweep.steps,
                                        domain: f.domain, runDomain: FunctionStudy.runDomain(for: f), gradientNoise: c.noise, seed: c.seed)
            let heading = "SGD on the valley at \(sweep.entries.count) learning rates, \(sweep.steps) steps" + noiseNote(c)
            let runs = sweep.entries.map { entry -> OptimizerRun in
                var run = entry.run
                run.outcome = String(entry.verdict.prefix { $0 != ":" && $0 != "(" }).trimmingCharacters(in: .whitespaces)
                return run
            }
            let loss = LinePlot(title: heading, panels: [LinePlot.Panel(
                title: "too small crawls, right converges, too large oscillates or diverges", xLabel: "step", yLabel: "f(x, y) − f*",
                series: runs.map { lossSeries($0, distance: false, minimum: 0) }, logY: true, markers: false)], key: .below)
            add(loss, "lr-sweep", SweepData(figure: "SGD's f − f* against step for each learning rate, log-y",
                                            parameters: parameters, learningRates: sweep.entries))
            let grid = contourGrid(f, over: f.domain)
            let contour = ContourPlot(title: heading, grid: grid, paths: runs.map { path($0) }, starts: [sweep.start], minima: f.minima)
            add(contour, "lr-sweep-contour", SweepData(figure: "SGD's paths on the valley for each learning rate",
                                                       parameters: parameters, contourLevels: grid.levels, learningRates: sweep.entries))
        }

        // Two gnuplot processes: the animations are most of the drawing, and the machines this
        // runs on have at least two cores.
        try renderer.render(jobs, processes: renderingProcesses)
        for document in documents { try JSONOutput.write(document.data, to: document.url, figure: document.figure) }
        return jobs.map(\.url)
    }

    /// A run's path for the contour plots, its legend entry with hyperparameters and outcome.
    static func path(_ run: OptimizerRun, full: Bool = true) -> ContourPlot.Path {
        ContourPlot.Path(name: "\(full ? run.label : run.shortLabel): \(run.outcome)", x: run.trajectory.map(\.x), y: run.trajectory.map(\.y),
                         endedEarly: run.diverged || run.leftDomainAtStep != nil)
    }

    /// `f − f*` (or distance travelled) against step; values ≤ 0 have no logarithm and are left out.
    static func lossSeries(_ run: OptimizerRun, distance: Bool, minimum: Double) -> LinePlot.Series {
        let values = distance ? run.distanceTravelled : run.trajectory.map { $0.f - minimum }
        // The rule and its rate: the full hyperparameters are in the contour map's legend, and
        // a legend beside the curves must stay narrow.
        return LinePlot.Series(name: "\(run.shortLabel): \(run.outcome)", x: run.trajectory.map { Double($0.step) },
                               y: values.map { $0 > 0 ? $0 : .nan })
    }

    /// The heading's end: the gradient noise, and the clipping, weight decay and schedule every
    /// optimizer shares (the narrow legends of the loss figures and animations leave them out).
    static func noiseNote(_ c: OptimizersConfiguration) -> String {
        (c.options.isDefault ? "" : "; every optimizer: \(c.options)")
            + (c.noise > 0 ? ", gradient noise σ = \(c.noise) (seed \(c.seed))" : "")
    }

    /// Runs whose loss rises on every other step up to the end (≥ 10 rises: a period-2
    /// oscillation, drawn as a solid band at 2 steps per pixel), with the step it starts; `nil`
    /// if none. The note tells the band from a smudge.
    static func oscillationNote(_ runs: [OptimizerRun]) -> String? {
        let oscillating = runs.compactMap { run -> String? in
            let f = run.trajectory.map(\.f)
            let rises = f.indices.dropFirst().filter { f[$0] > f[$0 - 1] }
            guard let last = rises.last, last >= f.count - 2 else { return nil }
            var start = rises.count - 1
            while start > 0, rises[start] - rises[start - 1] == 2 { start -= 1 }
            guard rises.count - start >= 10 else { return nil }
            return "\(run.name) from step \(run.trajectory[rises[start]].step)"
        }
        return oscillating.isEmpty ? nil : "f rises every other step (the band): " + oscillating.joined(separator: ", ")
    }

    /// The surface's formula, as the figures title it.
    static func formula(_ f: TestFunction) -> String {
        switch f {
        case .beale: return "f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
        case .valley: return "f = 0.1·x² + 2·y²"
        case .rosenbrock: return "f = (1 − x)² + 100·(y − x²)²"
        case .saddle: return "f = x² − y²"
        case .himmelblau: return "f = (x² + y − 11)² + (x + y² − 7)²"
        }
    }

    /// A table for the terminal: for each surface and optimizer, the outcome and the final point.
    public static func table(_ result: OptimizersResult) -> String {
        var lines: [String] = []
        for study in result.studies {
            lines.append("\(study.function.rawValue): \(study.steps) steps from (\(study.start.x), \(study.start.y))")
            for run in study.runs {
                lines.append("  " + run.label.padding(toLength: 52, withPad: " ", startingAt: 0)
                             + "final (\(OptimizerRun.short(run.final.x)), \(OptimizerRun.short(run.final.y))) f=\(OptimizerRun.short(run.final.f))  "
                             + run.summary + (run.largestRise.map { $0 > 0 ? "; climbs \(OptimizerRun.short($0)) over \(run.stepsUphill) steps" : "" } ?? ""))
            }
        }
        if let sweep = result.sweep {
            lines.append("SGD learning-rate sweep on the valley, \(sweep.steps) steps")
            for entry in sweep.entries {
                lines.append("  lr=\(entry.learningRate)".padding(toLength: 12, withPad: " ", startingAt: 0) + entry.verdict)
            }
        }
        return lines.joined(separator: "\n")
    }
}
