import NNEngine
import NNFiles
import NNRender

/// The `images` picture: small RGB images drawn pixel by pixel (flip-crop).
extension FeedbackFigure {
    /// The wrong-pixels panel's colours: the scatter's red for the worst elements, light grey
    /// for the rest, so that the wrong ones stand out whatever the image looks like.
    static let wrongPixelColor: [UInt8] = [0xB0, 0x00, 0x00]
    static let rightPixelColor: [UInt8] = [0xEE, 0xEE, 0xEE]

    /// The input image in the first column, then a row per output: its reference, the
    /// submitted image (or why there is none), and its wrong pixels in red. The data holds every
    /// image's values and the wrong pixels.
    static func images(_ report: GradeReport, title: String, input: Tensor,
                       outputs: [Picture.ImageOutput]) -> (figure: any Figure, data: Data) {
        var series = [Data.Series(name: "image", x: input.scalars, reference: [], submitted: nil, shape: input.shape)]
        var references: [ImagePanels.Panel] = [], submissions: [ImagePanels.Panel] = [], differences: [ImagePanels.Panel] = []
        for output in outputs {
            let reference = output.reference
            references.append(.init(title: "reference \(output.name)" + (output.window == nil ? "" : "\noutlined: \(output.windowLabel)"),
                                    image: pixels(reference), outline: output.window))
            var entry = Data.Series(name: output.name, x: [], reference: reference.scalars, submitted: nil,
                                    shape: reference.shape, window: output.window)
            guard let student = output.student, student.shape == reference.shape, let image = pixels(student) else {
                let reason = output.student.map { "shape \($0.shape), expected \(reference.shape)" } ?? "missing or unreadable"
                submissions.append(.init(title: "submitted \(output.name)\n\(reason)", image: nil))
                differences.append(.init(title: "\(output.name): nothing to compare", image: nil))
                entry.submittedShape = output.student?.shape
                series.append(entry)
                continue
            }
            // Values a display cannot show are drawn at the nearest it can: say so.
            let clamped = student.scalars.contains { $0 < 0 || $0 > 255 }
            submissions.append(.init(title: "submitted \(output.name)" + (clamped ? "\nvalues clamped to 0…255" : ""),
                                     image: image, outline: output.window))
            let wrong = wrongPixels(student, reference)
            let (height, width) = (reference.shape[0], reference.shape[1])
            var marks = [UInt8]()
            marks.reserveCapacity(height * width * 3)
            var isWrong = Array(repeating: false, count: height * width)
            for p in wrong { isWrong[p[0] * width + p[1]] = true }
            for bad in isWrong { marks += bad ? wrongPixelColor : rightPixelColor }
            differences.append(.init(title: wrong.isEmpty ? "\(output.name): every pixel right"
                                                          : "\(output.name): \(wrong.count) of \(height * width) pixels wrong (red)",
                                     image: PNGImage(width: width, height: height, channels: 3, pixels: marks)))
            entry.submitted = student.scalars
            entry.wrongPixels = wrong
            series.append(entry)
        }
        let figure = ImagePanels(title: title, columns: [[.init(title: "input image", image: pixels(input))],
                                                         references, submissions, differences])
        let data = Data(exercise: report.exercise, student: report.student, kind: "images", series: series, worst: [])
        return (figure, data)
    }

    /// `t` [H, W, 3] as 8-bit RGB, each value rounded and clamped to 0…255; `nil` for any other shape.
    static func pixels(_ t: Tensor) -> PNGImage? {
        guard t.rank == 3, t.shape[0] > 0, t.shape[1] > 0, t.shape[2] == 3 else { return nil }
        return PNGImage(width: t.shape[1], height: t.shape[0], channels: 3,
                        pixels: t.scalars.map { UInt8(Swift.min(255, Swift.max(0, $0.rounded()))) })
    }

    /// [row, column] of every pixel of `submitted` (same shape [H, W, C] as `reference`) with a
    /// channel the scatter would mark wrong, row by row.
    static func wrongPixels(_ submitted: Tensor, _ reference: Tensor) -> [[Int]] {
        let (width, channels) = (reference.shape[1], reference.shape[2])
        let scale = reference.scalars.reduce(0) { Swift.max($0, abs($1)) }
        return stride(from: 0, to: reference.count, by: channels).compactMap { start in
            let wrong = (start..<(start + channels)).contains {
                markingError(submitted.scalars[$0], reference.scalars[$0], scale: scale) > markingThreshold
            }
            let pixel = start / channels
            return wrong ? [pixel / width, pixel % width] : nil
        }
    }
}
