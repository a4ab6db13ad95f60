import Foundation
import NNEngine
import NNRender

/// The figure of `feedback.png` and the data behind it (`feedback.json`), built from a report.
///
/// Exercises with a natural picture get it (activation curves, the Beale path, flip-crop's
/// images); the others get the submitted-against-reference scatter of every comparable output
/// with the five worst elements marked.
public enum FeedbackFigure {
    /// The plotted data, written beside the figure.
    public struct Data: Codable, Equatable, Sendable {
        public struct Series: Codable, Equatable, Sendable {
            public var name: String
            /// What the values are plotted against (curves: z), or the input image's values (images).
            public var x: [Double]
            public var reference: [Double]
            public var submitted: [Double]?
            /// Each element's band (0 = the tightest; the band count = past the last), in the
            /// picture drawn while the reference is withheld: with the submitted value, a band
            /// bounds the reference only to the band's width, where the error itself would give it.
            public var band: [Int]? = nil
            /// `images`: the shape of the flat values (`x` of the input image, `reference` and
            /// `submitted` of an output), [H, W, 3] row by row.
            public var shape: [Int]? = nil
            /// `images`: the shape of a submitted output that had another shape than the
            /// reference (and so is neither drawn nor in `submitted`).
            public var submittedShape: [Int]? = nil
            /// `images`: [row, column] of every pixel with a wrong channel, as the wrong-pixels
            /// panel marks them.
            public var wrongPixels: [[Int]]? = nil
            /// `images`: the window outlined on this output's images.
            public var window: PixelRect? = nil
        }
        public var exercise: String
        public var student: String
        /// `scatter`, `curves`, `trajectory`, `images`, or `bands` while the reference is withheld.
        public var kind: String
        public var series: [Series]
        /// Labels of the marked worst elements, e.g. `dW[2, 0]`.
        public var worst: [String]
        /// True when the reference values were removed from this file because the course does
        /// not reveal them (yet): a student who got this file could otherwise resubmit them.
        public var referenceWithheld: Bool = false

        /// This data without reference values.
        func withholdingReference() -> Data {
            var copy = self
            copy.series = series.map { Series(name: $0.name, x: $0.x, reference: [], submitted: $0.submitted, band: $0.band) }
            copy.referenceWithheld = true
            return copy
        }
    }

    /// How many worst elements the scatter marks.
    static let markedCount = 5

    /// The figure and its data for `report`. While the reference is withheld, neither shows it:
    /// the figure is each element's band (a scatter or curve read off at plotting resolution would
    /// hand out answers good to ~1e-3, and each element's relative error with its submitted value
    /// gives the reference exactly).
    public static func make(_ report: GradeReport, exercise: any Exercise) -> (figure: any Figure, data: Data) {
        guard report.revealsReference else {
            let (figure, data) = bandProfile(report)
            return (figure, data.withholdingReference())
        }
        return build(report, exercise: exercise)
    }

    /// The size of the figures drawn while the reference is withheld (see `ResizedFigure`).
    static let bandProfileSize = FigureSize(width: 760, height: 460)

    /// Each element's band against its flat index, one series per output, with the worst
    /// elements (the highest band, then the output order) named. Band levels are whole numbers,
    /// so the picture carries nothing finer than the bands.
    static func bandProfile(_ report: GradeReport) -> (figure: any Figure, data: Data) {
        let title = "\(report.exercise), \(report.student): \(FeedbackText.points(report.score))/\(FeedbackText.points(report.maxScore)) (reference withheld)"
        var series: [Data.Series] = []
        var worst: [(band: Int, label: String)] = []
        var bounds: [Double] = []
        for test in report.tests {
            guard let s = test.submitted, s.shape == test.reference.shape, let bands = test.elementBands, let error = test.error else { continue }
            bounds = test.bandBounds
            series.append(.init(name: test.key, x: bands.indices.map(Double.init), reference: [], submitted: s.scalars, band: bands))
            if !test.passed, let b = test.bandIndex { worst.append((b, "\(test.key)\(error.worstPosition)")) }
        }
        // Nothing comparable (a malformed submission): the empty scatter shows no reference either.
        if series.isEmpty {
            let (figure, data) = scatter(report, title: title)
            return (ResizedFigure(figure: figure, defaultSize: bandProfileSize), data)
        }
        let marked = worst.enumerated().sorted { $0.element.band != $1.element.band ? $0.element.band > $1.element.band : $0.offset < $1.offset }
            .prefix(markedCount).map(\.element.label)
        // Outputs entirely in the tightest band draw on one line, the last on top of the others:
        // the panel title names them, so none looks missing.
        let tightest = series.filter { $0.band!.allSatisfy { $0 == 0 } }.map(\.name)
        let onBottom = tightest.isEmpty || tightest.count == series.count ? ""
            : "\nevery element \(FeedbackText.bandRange(0, bounds: bounds)) (on the bottom line): " + tightest.joined(separator: ", ")
        let plot = LinePlot(title: title, panels: [LinePlot.Panel(
            title: (marked.isEmpty ? "every element in a full-credit band" : "worst: " + marked.joined(separator: ", ")) + onBottom,
            xLabel: "element (flat index)", yLabel: "relative error band",
            series: series.map { .init(name: $0.name, x: $0.x, y: $0.band!.map(Double.init)) },
            logY: false)])
        // One tic per band, labelled with its range; the axis spans every band, reached or not.
        let tics = (0...bounds.count).map { "\(Gnuplot.quoted(FeedbackText.bandRange($0, bounds: bounds))) \($0)" }
        let axis = "set yrange [-0.5:\(Double(bounds.count) + 0.5)]\nset ytics (\(tics.joined(separator: ", ")))\n"
        let data = Data(exercise: report.exercise, student: report.student, kind: "bands", series: series, worst: marked)
        return (ResizedFigure(figure: plot, defaultSize: bandProfileSize, yAxis: axis), data)
    }

    static func build(_ report: GradeReport, exercise: any Exercise) -> (figure: any Figure, data: Data) {
        let title = "\(report.exercise), \(report.student): \(FeedbackText.points(report.score))/\(FeedbackText.points(report.maxScore))"
        var submission = NamedArrays()
        var reference = NamedArrays()
        for test in report.tests {
            reference[test.key] = test.reference
            if let s = test.submitted { submission[test.key] = s }
        }
        switch exercise.picture(inputs: report.inputs, reference: reference, submission: submission) {
        case .curves(let panels)?:
            let plot = CurveComparison(title: title, xLabel: "z", panels: panels.map { panel in
                CurveComparison.Panel(title: panel.title, curves: panel.curves.map {
                    CurveComparison.Curve(name: $0.name, x: $0.x, reference: $0.reference, submitted: $0.student)
                })
            })
            let series = panels.flatMap { panel in
                panel.curves.map { Data.Series(name: "\(panel.title) \($0.name)", x: $0.x, reference: $0.reference, submitted: $0.student) }
            }
            let data = Data(exercise: report.exercise, student: report.student, kind: "curves", series: series, worst: [])
            return (plot, data)
        case .trajectory(let student, let ref, let xRange, let yRange)?:
            let figure = trajectory(title: title, student: student, reference: ref, domain: PlotDomain(x: xRange, y: yRange))
            let data = Data(exercise: report.exercise, student: report.student, kind: "trajectory",
                            series: [.init(name: "points", x: ref.map { $0[0] }, reference: ref.map { $0[1] },
                                           submitted: student.isEmpty ? nil : student.flatMap { $0 })], worst: [])
            return (figure, data)
        case .images(let input, let outputs)?:
            return images(report, title: title, input: input, outputs: outputs)
        case nil:
            return scatter(report, title: title)
        }
    }

    /// Beale's function over `domain` in filled bands, with the submitted path (if any) over the
    /// reference Adam's; paths are rows `[x, y]`.
    static func trajectory(title: String, student: [[Double]], reference: [[Double]], domain: PlotDomain) -> ContourPlot {
        let beale = TestFunction.beale
        let grid = ContourGrid(domain: domain, resolution: trajectoryResolution) { beale.value(x: $0, y: $1) }
        func path(_ name: String, _ points: [[Double]]) -> ContourPlot.Path {
            ContourPlot.Path(name: name, x: points.map { $0[0] }, y: points.map { $0[1] })
        }
        let paths = (student.isEmpty ? [] : [path("submitted", student)]) + [path("reference Adam", reference)]
        return ContourPlot(title: title, grid: grid, paths: paths, starts: [], minima: beale.minima, style: .filledBands(count: 12))
    }

    /// Grid points per axis of the trajectory's bands.
    static let trajectoryResolution = 80

    static func scatter(_ report: GradeReport, title: String) -> (figure: any Figure, data: Data) {
        var series: [ComparisonScatter.Series] = []
        var candidates: [(error: Double, marker: ComparisonScatter.Marker)] = []
        for test in report.tests {
            guard let s = test.submitted, s.shape == test.reference.shape else { continue }
            series.append(.init(name: test.key, reference: test.reference.scalars, submitted: s.scalars))
            let scale = test.reference.scalars.reduce(0) { max($0, abs($1)) }
            for i in s.scalars.indices {
                let (x, y) = (s.scalars[i], test.reference.scalars[i])
                let e = markingError(x, y, scale: scale)
                if e > markingThreshold {
                    let label = "\(test.key)\(position(i, in: test.reference.shape))"
                    candidates.append((e, .init(reference: y, submitted: x, label: label)))
                }
            }
        }
        // Stable order: by error, then by label, so ties never depend on anything but the data.
        let worst = candidates.sorted { $0.error != $1.error ? $0.error > $1.error : $0.marker.label < $1.marker.label }
            .prefix(markedCount).map(\.marker)
        let figure = ComparisonScatter(title: title, series: series, worst: Array(worst))
        let data = Data(exercise: report.exercise, student: report.student, kind: "scatter",
                        series: series.map { .init(name: $0.name, x: [], reference: $0.reference, submitted: $0.submitted) },
                        worst: worst.map(\.label))
        return (figure, data)
    }

    /// The relative error by which an element is marked wrong: the grader's measure with its
    /// default floor, a thousandth of the reference's `scale` (the largest |value|).
    static func markingError(_ x: Double, _ y: Double, scale: Double) -> Double {
        abs(x - y) / max(1e-8, abs(x) + abs(y), 1e-3 * scale)
    }

    /// Elements whose `markingError` exceeds this are marked: beyond the "fine" band.
    static let markingThreshold = 1e-4

    /// The index per axis of flat index `i`, e.g. `[2, 0]`.
    static func position(_ i: Int, in shape: [Int]) -> [Int] {
        var rest = i
        var position: [Int] = []
        for size in shape.reversed() {
            position.insert(rest % size, at: 0)
            rest /= size
        }
        return position
    }
}
