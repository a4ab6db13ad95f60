import Foundation
import NNEngine
import NNFiles
import NNRender

/// `symmetry.{png,json}`: the symmetry of constant init itself, cell by cell (layer 2's h and
/// dL/dW, rows inputs, columns units), for every scheme whose units are identical, beside the
/// first scheme whose units differ. The saturating constant (W = 0.01: every unit at ±1, dL/dW
/// exactly 0) cannot tell symmetry from saturation; W = 1/4096 saturates nothing, and its rows are
/// still one colour each.
extension InitStudyReport {
    /// The figure's JSON: a `GalleryCaption`, but its own shape (`schemes`, the seed inside
    /// `parameters`), so not `CaptionedFigureDocument`.
    struct SymmetryData: Encodable {
        struct Entry: Codable {
            var scheme: SchemeDescription
            var layer: Int
            var saturatedFraction: Double?
            /// `maxᵢ (maxⱼ − minⱼ)` of h and of dL/dW over the whole layer (0: units identical).
            var unitSpread: Double
            var weightGradientUnitSpread: Double
            var sample: SymmetrySample
        }
        var figure = "constant init: a corner of layer 2's h and dL/dW, rows inputs, columns units"
        var caption: GalleryCaption
        var parameters: Parameters
        var schemes: [Entry]
    }

    /// The figure and its data, or `nil` when no scheme has identical units.
    static func symmetry(_ result: InitStudyResult, parameters: Parameters) -> (figure: ImagePanels, data: SymmetryData)? {
        let identical = result.schemes.filter(\.unitsIdentical)
        guard !identical.isEmpty else { return nil }
        // Beside them, a scheme whose units differ: Xavier's, the lecture's fix, when it ran.
        let contrast = result.schemes.first { $0.scheme.name == Scheme.xavierTanh.name } ?? result.schemes.first { !$0.unitsIdentical }
        let shown = identical + (contrast.map { [$0] } ?? [])
        let entries = shown.map { scheme -> SymmetryData.Entry in
            let layer = scheme.layers[scheme.symmetrySample.layer - 1]
            return SymmetryData.Entry(scheme: describe(scheme.scheme), layer: layer.layer, saturatedFraction: layer.saturatedFraction,
                                      unitSpread: layer.unitSpread, weightGradientUnitSpread: layer.weightGradientUnitSpread,
                                      sample: scheme.symmetrySample)
        }
        func saturation(_ e: SymmetryData.Entry) -> String {
            e.saturatedFraction.map { "\(Int(($0 * 100).rounded()))% saturated" } ?? "no bounded activation"
        }
        let columns = entries.map { e -> [ImagePanels.Panel] in
            let name = e.scheme.name
            let h = e.unitSpread == 0 ? "every unit the same" : "units differ"
            let g = e.sample.weightGradients.joined().allSatisfy { $0 == 0 } ? "all exactly 0"
                : e.weightGradientUnitSpread == 0 ? "every unit the same" : "units differ"
            return [ImagePanels.Panel(title: "\(name)\nh: \(h)\n(\(saturation(e)))", image: image(e.sample.activations)),
                    ImagePanels.Panel(title: "dL/dW: \(g)", image: image(e.sample.weightGradients))]
        }
        let layer = entries[0].layer
        let findings = entries.map { "\($0.scheme.name) (\(saturation($0))): h \($0.unitSpread == 0 ? "identical across units" : "differs across units"), "
            + "dL/dW \($0.weightGradientUnitSpread == 0 ? "identical across units" : "differs across units")" }
        let title = "Constant init keeps every unit identical, and every unit's gradient too: layer \(layer), rows = inputs (h) or input weights (dL/dW), "
            + "columns = units, colour = value / largest |value| in the panel (blue −, white 0, red +), seed \(result.configuration.seed)"
        let data = SymmetryData(caption: GalleryCaption(
            lecturePoint: "Constant initialization: every unit of a layer computes the same function and gets the same gradient, so the symmetry is never broken.",
            deck: "001", finding: findings.joined(separator: "; "),
            numbers: entries.map { .init(name: "\($0.scheme.name): saturated units, layer \(layer)", value: saturation($0)) }, rank: 1),
                                parameters: parameters, schemes: entries)
        return (ImagePanels(title: title, columns: columns), data)
    }

    /// `values` (rows × columns) as a diverging colour image, each value over the largest |value|:
    /// blue below 0, white at 0, red above. An all-zero sample is white.
    static func image(_ values: [[Double]]) -> PNGImage {
        let largest = values.joined().map(abs).max() ?? 0
        let (rows, columns) = (values.count, values.first?.count ?? 0)
        var pixels: [UInt8] = []
        pixels.reserveCapacity(rows * columns * 3)
        for row in values {
            for value in row {
                let t = largest > 0 ? Swift.max(-1, Swift.min(1, value / largest)) : 0
                // ColorBrewer RdBu ends: #B2182B (red) and #2166AC (blue), mixed with white by |t|.
                let end: (Double, Double, Double) = t >= 0 ? (178, 24, 43) : (33, 102, 172)
                let a = abs(t)
                pixels += [end.0, end.1, end.2].map { UInt8((255 + (($0 - 255) * a)).rounded()) }
            }
        }
        return PNGImage(width: Swift.max(1, columns), height: Swift.max(1, rows), channels: 3, pixels: pixels)
    }
}
