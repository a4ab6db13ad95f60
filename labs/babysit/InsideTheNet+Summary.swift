import Foundation
import NNEngine

extension InsideTheNet {
    static let bins = 40

    /// Figure 4's numbers from the good run's trace: ratios per step, each probe's histograms
    /// (one range per layer, shared by its epochs, so the histograms can be compared), and the
    /// first layer's weights at init and at the end.
    static func summarize(_ trace: MonitoredTraining.Trace, initial: Sequential, imageSide: Int?) -> InsideTheNet {
        let weightShapes = zip(initial.parameters, initial.parameterKinds).filter { $1 == .weight }.map(\.0.shape)
        let layers = weightShapes.enumerated().map { "layer \($0.offset + 1) (\($0.element[0])→\($0.element[1]))" }
        let medians = weightShapes.indices.map { l -> Double in
            let values = trace.ratios.map { $0[l] }.sorted()
            return values.isEmpty ? .nan : values[values.count / 2]
        }
        let layerCount = trace.probes.first?.activations.count ?? 0
        // One range for every layer and epoch, so that every panel compares with every other:
        // activations of ReLU layers from 0, gradients symmetric, each to the 99.5th percentile
        // (a few large values would squeeze the bulk into one bin; the rest are counted above).
        let top = { (values: [Double]) in Swift.max(1e-12, Tensor(values).percentile(99.5)) }
        let activationTop = Array(repeating: top(trace.probes.flatMap { $0.activations.joined() }), count: layerCount)
        // Gradients are counted in units of a power of ten near their range (∂L/∂h ≈ 1e-4 here),
        // so that the axis reads -1 … 1 rather than -0.001 … 0.001, whose labels collide.
        let gradientRange = top(trace.probes.flatMap { $0.gradients.joined().map(abs) })
        let unit = pow(10, (log10(gradientRange)).rounded(.down))
        let gradientTop = Array(repeating: gradientRange / unit, count: layerCount)
        let probes = trace.probes.map { probe in
            ProbeSummary(epoch: probe.epoch,
                         activationHistograms: probe.activations.indices.map { Histogram(probe.activations[$0], bins: bins, lower: 0, upper: activationTop[$0]) },
                         gradientHistograms: probe.gradients.indices.map { Histogram(probe.gradients[$0].map { $0 / unit }, bins: bins, lower: -gradientTop[$0], upper: gradientTop[$0]) },
                         activationMeans: probe.activations.map(mean), activationStds: probe.activations.map(std),
                         gradientStds: probe.gradients.map(std), deadUnits: probe.deadUnits, units: probe.units)
        }
        func columns(_ w: Tensor) -> [[Double]] {
            (0..<w.shape[1]).map { m in (0..<w.shape[0]).map { w.scalars[$0 * w.shape[1] + m] } }
        }
        let first = initial.parameters[0]
        let last = trace.finalModel.parameters[0]
        let shows = imageSide.map { $0 * $0 == first.shape[0] } ?? false
        return InsideTheNet(layers: layers, ratios: trace.ratios, stepsPerEpoch: trace.stepsPerEpoch, medianRatios: medians,
                            probes: probes, gradientUnit: unit, firstLayerInitial: shows ? columns(first) : [], firstLayerFinal: shows ? columns(last) : [],
                            imageSide: shows ? imageSide : nil)
    }

    static func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }
    static func std(_ v: [Double]) -> Double {
        let m = mean(v)
        return v.count < 2 ? 0 : (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
    }
}
