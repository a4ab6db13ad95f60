import Foundation
import NNEngine
import NNFiles
import NNRender

/// The figures of `SecondOrderStudy` and `NoiseDecayStudy`, each with its JSON and the caption
/// object the gallery reads:
/// - `<f>-second-order.{png,json}`: the contour map with Newton's and L-BFGS's paths beside SGD's
///   and Adam's of the same run;
/// - `sgd-noise-decay.{png,json}`: RMS distance to the minimum against step under gradient noise,
///   constant against decaying learning rate, and the two rates.
public enum SecondOrderReport {
    /// The gallery's caption (`GalleryCaption`, shared by every lab). The documents below keep
    /// their own shape (a `lab` key, no `parameters`/`results`), so not `CaptionedFigureDocument`.
    typealias Caption = GalleryCaption

    struct SurfaceData: Encodable {
        var figure: String
        var lab = "optimizers"
        var seed: UInt64
        var function: TestFunction
        var formula: String
        var start: Point2D
        var minima: [Point2D]
        var lineSearch = "strong Wolfe, c1 = 1e-4, c2 = 0.9 (bracketing by doubling from α = 1, zoom by bisection)"
        var gradientTolerance = SecondOrderPath.gradientTolerance
        var secondOrder: [SecondOrderPath]
        var firstOrder: [OptimizerRun]
        var caption: Caption
    }

    struct NoiseData: Encodable {
        var figure: String
        var lab = "optimizers"
        var seed: UInt64
        var study: NoiseDecayStudy
        var caption: Caption
    }

    /// Writes the figures and JSON into `folder`; returns the figure URLs.
    public static func write(_ study: SecondOrderStudy, noise: NoiseDecayStudy?, seed: UInt64,
                             to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        var jobs: [(figure: any Figure, url: URL)] = []
        var documents: [(url: URL, figure: URL, data: any Encodable)] = []
        for (index, surface) in study.surfaces.enumerated() {
            let f = surface.function
            let grid = OptimizersReport.contourGrid(f, over: surface.domain)
            let paths = surface.secondOrder.map { path in
                ContourPlot.Path(name: "\(path.method): \(path.outcome)", x: path.points.map(\.x), y: path.points.map(\.y),
                                 endedEarly: { if case .leftDomain = path.stop { return true }; return false }())
            } + surface.firstOrder.map { OptimizersReport.path($0, full: false) }
            let title = "\(f.rawValue): second-order steps against SGD and Adam\n\(OptimizersReport.formula(f)), from (\(surface.start.x), \(surface.start.y))"
            let url = renderer.url(for: "\(f.rawValue)-second-order", in: folder)
            jobs.append((ContourPlot(title: title, grid: grid, paths: paths, starts: [surface.start], minima: f.minima), url))
            documents.append((folder.appendingPathComponent("\(f.rawValue)-second-order.json"), url, SurfaceData(
                figure: "\(f.rawValue): Newton and L-BFGS beside SGD and Adam", seed: seed, function: f,
                formula: OptimizersReport.formula(f), start: surface.start, minima: f.minima,
                secondOrder: surface.secondOrder, firstOrder: surface.firstOrder,
                caption: caption(surface, rank: 10 + index))))
        }
        if let noise {
            // Log-log from step 1: the decaying rate's distance falls as a power of t, a line there.
            let steps = (1...noise.steps).map(Double.init)
            let distance = LinePlot.Panel(
                title: "RMS distance to the minimum over \(noise.runs) runs, gradient noise σ = \(noise.sigma)",
                xLabel: "step", yLabel: "√mean ‖x − x*‖²",
                series: noise.curves.map { LinePlot.Series(name: $0.name, x: steps, y: Array($0.rmsDistance.dropFirst())) }
                    + [LinePlot.Series(name: String(format: "constant lr's predicted floor %.2f", noise.predictedFloor),
                                       x: [1, Double(noise.steps)], y: [noise.predictedFloor, noise.predictedFloor], dashed: true)],
                logY: true, markers: false, logX: true)
            let rates = LinePlot.Panel(title: "learning rate", xLabel: "step", yLabel: "lr",
                                       series: noise.curves.map { LinePlot.Series(name: $0.name, x: steps, y: $0.learningRates) },
                                       logY: true, markers: false, logX: true)
            var plot = LinePlot(title: "SGD on the valley 0.1·x² + 2·y² with noisy gradients: it converges only when the lr decays",
                                panels: [distance, rates])
            plot.key = .below
            let url = renderer.url(for: "sgd-noise-decay", in: folder)
            jobs.append((plot, url))
            documents.append((folder.appendingPathComponent("sgd-noise-decay.json"), url, NoiseData(
                figure: "SGD with gradient noise: constant against decaying learning rate", seed: seed, study: noise,
                caption: noiseCaption(noise))))
        }
        try renderer.render(jobs, processes: OptimizersReport.renderingProcesses)
        for document in documents { try JSONOutput.write(document.data, to: document.url, figure: document.figure) }
        return jobs.map(\.url)
    }

    static func caption(_ surface: SecondOrderStudy.Surface, rank: Int) -> Caption {
        let numbers = surface.secondOrder.map { path in
            Caption.Number(name: path.method, value: "\(path.outcome), final (\(OptimizerRun.short(path.points.last!.x)), "
                           + "\(OptimizerRun.short(path.points.last!.y))), \(path.evaluations) evaluations")
        } + surface.firstOrder.map { Caption.Number(name: $0.shortLabel, value: $0.summary) }
        let newton = surface.secondOrder[0]
        let end = newton.points.last!
        let finding: String
        if surface.function == .saddle {
            finding = "Newton jumps to the saddle point (\(OptimizerRun.short(end.x)), \(OptimizerRun.short(end.y))) in one step and stops there (∇f = 0); L-BFGS leaves the plot along y in 2 steps, SGD and Adam head down along y"
        } else {
            finding = "Newton: \(newton.outcome) at (\(OptimizerRun.short(end.x)), \(OptimizerRun.short(end.y)))"
                + (isStationary(newton) ? ", a \(stationaryKind(end, on: surface.function))" : "") + "; "
                + surface.secondOrder.dropFirst().map { "\($0.method): \($0.outcome)" }.joined(separator: "; ")
        }
        return Caption(lecturePoint: "Second-order optimization: Newton's step −H⁻¹∇f needs no learning rate but heads for any stationary point, saddles included; L-BFGS builds H⁻¹ from the last m gradient differences, with a line search",
                       deck: "004", finding: finding, numbers: numbers, rank: rank)
    }

    static func isStationary(_ path: SecondOrderPath) -> Bool {
        if case .stationary = path.stop { return true }
        return false
    }

    /// What a stationary point is, from the signs of the Hessian's eigenvalues (det and trace).
    static func stationaryKind(_ p: TrajectoryPoint, on f: TestFunction) -> String {
        let h = f.hessian(x: p.x, y: p.y)
        let det = h.xx * h.yy - h.xy * h.xy
        if det < 0 { return "saddle point" }
        return h.xx + h.yy > 0 ? "minimum" : "maximum"
    }

    static func noiseCaption(_ noise: NoiseDecayStudy) -> Caption {
        let finals = noise.curves.map { Caption.Number(name: "RMS distance at step \(noise.steps), \($0.name)", value: OptimizerRun.short($0.rmsDistance.last!)) }
        return Caption(lecturePoint: "With minibatch noise, SGD at a constant learning rate stalls at a noise floor; it converges only when the learning rate decays",
                       deck: "004", finding: "constant lr levels off at \(OptimizerRun.short(noise.curves[0].rmsDistance.last!)) (predicted floor \(OptimizerRun.short(noise.predictedFloor))); the decaying lr falls from \(OptimizerRun.short(noise.curves[1].rmsDistance[noise.steps / 2])) at step \(noise.steps / 2) to \(OptimizerRun.short(noise.curves[1].rmsDistance.last!)) at step \(noise.steps)",
                       numbers: finals + [Caption.Number(name: "predicted floor", value: OptimizerRun.short(noise.predictedFloor))], rank: 20)
    }

    /// Lines for the terminal.
    public static func table(_ study: SecondOrderStudy, noise: NoiseDecayStudy?) -> String {
        var lines = ["second-order methods (Newton, L-BFGS with strong-Wolfe line search)"]
        for surface in study.surfaces {
            for path in surface.secondOrder {
                let end = path.points.last!
                lines.append("  \(surface.function.rawValue): \(path.method)".padding(toLength: 34, withPad: " ", startingAt: 0)
                             + "\(path.outcome); final (\(OptimizerRun.short(end.x)), \(OptimizerRun.short(end.y))) f=\(OptimizerRun.short(end.f)), \(path.evaluations) evaluations"
                             + (isStationary(path) ? ", a \(stationaryKind(end, on: surface.function))" : ""))
            }
        }
        if let noise {
            lines.append("SGD with gradient noise σ = \(noise.sigma) on the valley, RMS distance over \(noise.runs) runs at step \(noise.steps):")
            for curve in noise.curves { lines.append("  \(curve.name): \(OptimizerRun.short(curve.rmsDistance.last!))") }
            lines.append("  constant lr's predicted floor: \(OptimizerRun.short(noise.predictedFloor))")
        }
        return lines.joined(separator: "\n")
    }
}
