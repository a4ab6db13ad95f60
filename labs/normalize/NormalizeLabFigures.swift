import Foundation
import NNEngine
import NNRender

/// The figures of figure groups 1 and 2 (preprocessing, leak, loss sensitivity, zig-zag); the
/// batch-norm figures are in `NormalizeLabFigures+BatchNorm.swift`.
struct NormalizeLabFigures {
    let result: NormalizeLabResult
    let findings: NormalizeLabFindings

    typealias F = NormalizeLabFindings

    /// A row-major 2×2 matrix in one short line: `[2.67 1.46; 1.46 1.17]`.
    static func matrix(_ c: [Double]) -> String {
        // "%.2f" of −0.001 is "-0.00": print a rounded zero as 0.
        let entries = c.map { abs($0) < 0.005 ? "0" : String(format: abs($0) < 100 ? "%.2f" : "%.0f", $0) }
        return "[\(entries[0]) \(entries[1]); \(entries[2]) \(entries[3])]"
    }

    /// Figure 1: two rows (Gaussian, digits) of five equal-scaled scatter panels, each titled
    /// with its stage only: the covariances are in the JSON and the gallery caption.
    var preprocessing: ScatterGrid {
        let panels = result.pictures.rows.flatMap { row in
            row.panels.map { p -> ScatterGrid.Panel in
                let (xl, yl): (String, String)
                let pixels = row.plane.map { "pixel \($0)" }
                switch p.stage {
                case .raw, .centred, .normalized: (xl, yl) = row.planeNames.count == 2 && row.planeNames[0].count <= 4 ? (row.planeNames[0], row.planeNames[1]) : (pixels[0], pixels[1])
                case .decorrelated, .whitened: (xl, yl) = ("PC 1", "PC 2")
                }
                let rowName = row.name.hasPrefix("correlated") ? "Gaussian" : row.name
                return ScatterGrid.Panel(title: "\(rowName): \(p.stage.rawValue)",
                                         xLabel: xl, yLabel: yl, series: [
                    .init(name: "training", x: p.trainX, y: p.trainY, style: .dots(0.45), color: 0),
                    .init(name: "validation (training statistics)", x: p.validationX, y: p.validationY, style: .dots(0.45), color: 1),
                    .init(name: "origin", x: [0], y: [0], style: .dots(1.6), color: 7),
                ], key: false)
            }
        }
        let digits = result.pictures.rows.last.map { r in r.planeNames.count == 2 ? "digits: \(r.plane.map { "pixel \($0)" }.joined(separator: " and ")) = \(r.planeNames.joined(separator: ", "))" : "" } ?? ""
        var grid = ScatterGrid(title: "Preprocessing fitted on the training points (blue) only, applied unchanged to the validation points (orange); black: the origin\n"
                            + "whitened training covariance = I to \(F.short(result.pictures.rows.map(\.whitenedTrainDeviation).max()!)); \(digits)",
                           panels: panels, columns: 5)
        grid.ticIntervals = 3
        return grid
    }

    /// Figure 1's leak: per split, validation and test accuracy and loss, proper against leaked.
    var leak: LinePlot {
        let l = result.leak
        let x = l.splits.indices.map { Double($0) }
        func series(_ validation: (LeakStudy.Scores) -> Double, _ test: (LeakStudy.Scores) -> Double) -> [LinePlot.Series] {
            [.init(name: "val, fit on train", x: x, y: l.splits.map { validation($0.proper) }, color: 0),
             .init(name: "val, fit on train + val", x: x, y: l.splits.map { validation($0.leaked) }, color: 0, dashed: true),
             .init(name: "test, fit on train", x: x, y: l.splits.map { test($0.proper) }, color: 1),
             .init(name: "test, fit on train + val", x: x, y: l.splits.map { test($0.leaked) }, color: 1, dashed: true)]
        }
        return LinePlot(title: "The leak: PCA whitening (\(l.components) of 64 directions, ε = \(l.epsilon)) fitted on \(l.trainCount) training digits, or on those + \(l.validationCount) validation digits (leak); "
                            + "softmax trained \(l.epochs) epochs on the training digits; \(l.testCount) test digits enter neither fit",
                        panels: [
            LinePlot.Panel(title: "softmax accuracy\nleaked − proper: val \(F.spread(l.validationAccuracyShift, scale: 100, unit: "")), test \(F.spread(l.testAccuracyShift, scale: 100, unit: "")) pts",
                           xLabel: "split", yLabel: "accuracy", series: series({ $0.validationAccuracy }, { $0.testAccuracy })),
            LinePlot.Panel(title: "max |Cov − I| after whitening\n(0: white)",
                           xLabel: "split", yLabel: "max |Cov − I|", series: series({ $0.validationWhiteness }, { $0.testWhiteness }), logY: true),
        ], key: .outside)
    }

    /// Figure 1's loss sensitivity: the data with the boundary and its rotations in both
    /// parametrizations (drawn in the raw plane), and the loss against the angle.
    var sensitivity: ScatterGrid {
        let s = result.sensitivity
        let class0 = s.labels.indices.filter { s.labels[$0] == 0 }, class1 = s.labels.indices.filter { s.labels[$0] == 1 }
        // The line w·x + b = 0 clipped to the data's box, as two points.
        let xs = s.trainX, ys = s.trainY
        let box = (xs.min()! - 0.5, xs.max()! + 0.5)
        func boundary(_ w: [Double], _ b: Double) -> (x: [Double], y: [Double]) {
            let grid = stride(from: box.0, through: box.1, by: (box.1 - box.0) / 50).map { $0 }
            let y = grid.map { -(w[0] * $0 + b) / w[1] }
            let keep = grid.indices.filter { y[$0] > ys.min()! - 0.5 && y[$0] < ys.max()! + 0.5 }
            return (keep.map { grid[$0] }, keep.map { y[$0] })
        }
        func lines(normalized: Bool) -> [ScatterGrid.Series] {
            [0.0, 2, -2].enumerated().map { k, degrees in
                let theta = degrees * .pi / 180
                var w: [Double], b: Double
                if normalized {
                    // Rotate w′, then express the same function in raw coordinates.
                    let wn = LossSensitivity.rotate(s.normalizedWeight, by: theta)
                    w = [wn[0] / s.std[0], wn[1] / s.std[1]]
                    b = s.normalizedBias - w[0] * s.mean[0] - w[1] * s.mean[1]
                } else {
                    w = LossSensitivity.rotate(s.rawWeight, by: theta)
                    b = s.rawBias
                }
                let line = boundary(w, b)
                return ScatterGrid.Series(name: degrees == 0 ? "boundary" : String(format: "W %+.0f°", degrees), x: line.x, y: line.y,
                                          style: .line(dashed: degrees != 0), color: 2 + k)
            }
        }
        let points: [ScatterGrid.Series] = [
            .init(name: "class 0", x: class0.map { xs[$0] }, y: class0.map { ys[$0] }, style: .dots(0.5), color: 0),
            .init(name: "class 1", x: class1.map { xs[$0] }, y: class1.map { ys[$0] }, style: .dots(0.5), color: 1),
        ]
        let at2 = s.losses(at: 2)
        return ScatterGrid(title: "The same linear classifier, W rotated by ±2°: raw inputs ~11 units from the origin against normalized inputs (both drawn in raw coordinates)",
                           panels: [
            .init(title: String(format: "raw inputs\nloss %.3f → %.3f at +2°", s.lossAtZero, at2.raw), xLabel: "x₁", yLabel: "x₂", series: points + lines(normalized: false)),
            .init(title: String(format: "normalized inputs\nloss %.3f → %.3f at +2°", s.lossAtZero, at2.normalized), xLabel: "x₁", yLabel: "x₂",
                  series: points + lines(normalized: true)),
            .init(title: String(format: "loss against the rotation of W\nd²L/dθ²: %.3g raw, %.3g normalized", s.rawCurvature, s.normalizedCurvature),
                  xLabel: "rotation θ of W (degrees)", yLabel: "mean logistic loss", series: [
                .init(name: "raw inputs", x: s.anglesDegrees, y: s.rawLoss, style: .line(dashed: false), color: 0),
                .init(name: "normalized inputs", x: s.anglesDegrees, y: s.normalizedLoss, style: .line(dashed: false), color: 1),
            ], equalAxes: false),
        ], columns: 3)
    }

    /// Figure 2: the two paths over their loss's level sets, and the per-example gradients.
    var zigZag: ScatterGrid {
        let z = result.zigZag
        func levels(_ r: ZigZag.Run) -> [ScatterGrid.Series] {
            zip(r.levelX, r.levelY).map { ScatterGrid.Series(name: "loss level set", x: $0, y: $1, style: .line(dashed: false), color: 6, hidden: true) }
        }
        let panels = z.runs.enumerated().map { k, r in
            ScatterGrid.Panel(title: "\(r.name.hasPrefix("all-positive") ? "positive inputs" : r.name.hasPrefix("centred") ? "centred inputs" : r.name), lr \(F.short(r.learningRate))\n"
                                + "\(F.percent(r.sameSignFraction)) same-sign updates\n"
                                + (r.stepsToTarget.map { "near w* after \($0) steps" } ?? "not near w* in \(z.steps) steps"),
                              xLabel: "w₁", yLabel: "w₂", series: levels(r) + [
                .init(name: "SGD path, one example a step", x: r.w1, y: r.w2, style: .path, color: k),
                .init(name: "w* = (1, −1)", x: [z.target[0]], y: [z.target[1]], style: .dots(2.2), color: 7),
            ])
        }
        let gradients = ScatterGrid.Panel(title: "per-example ∂L/∂w at w = 0\npositive inputs: quadrants\nI and III only",
                                          xLabel: "∂L/∂w₁", yLabel: "∂L/∂w₂", series: z.runs.enumerated().map { k, r in
            .init(name: r.name, x: r.gradient1, y: r.gradient2, style: .dots(0.5), color: k)
        })
        let orders = z.runs.map { "\(F.short($0.medianStepsToTarget))" }.joined(separator: " and ")
        return ScatterGrid(title: "A unit f = w·x learning y = w*·x by SGD (L = ½(f − y)², ∂L/∂w = (f − y)·x), \(z.steps) steps from w = 0, the same example order; "
                            + "median steps to near w* over \(z.runs.first?.orderCount ?? 0) orders: \(orders)",
                           panels: panels + [gradients], columns: 3)
    }
}
