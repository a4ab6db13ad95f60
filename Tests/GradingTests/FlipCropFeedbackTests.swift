import Foundation
import Grading
import LabTestSupport
import NNEngine
import NNFiles
import NNRender
import XCTest

/// flip-crop's feedback picture: the images themselves once the reference is revealed, the
/// relative-error profile with no reference pixels while it is withheld.
final class FlipCropFeedbackTests: XCTestCase {
    let key = CourseKey(bytes: Array("flip-crop-feedback".utf8))
    let exercise = FlipCropExercise()
    let student = try! StudentID("alice")

    var inputs: NamedArrays { Grader.problem(exercise, student: student, key: key) }

    /// The answers of a student who flipped top to bottom (and cropped that).
    var verticalFlip: NamedArrays {
        let answers = exercise.mistakes(for: inputs)[0].answers
        precondition(answers.names == ["flipped", "crop"], "the first mistake is the vertical flip")
        return answers
    }

    func grade(_ answers: NamedArrays, revealing: Bool) -> GradeReport {
        let reference = exercise.reference(for: inputs)
        let submission = Submission.parse(Array(Submission.json(answers).utf8),
                                          expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        return Grader(revealsReference: revealing).grade(exercise, student: student, inputs: inputs, reference: reference,
                                                         submission: submission)
    }

    /// Writes the feedback files into `folder` and draws the figure.
    func writeFeedback(_ report: GradeReport, to folder: URL) throws -> (figure: any Figure, data: FeedbackFigure.Data) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let renderer = FigureRenderer(format: .png)
        let job = try FeedbackReport.write(report, exercise: exercise, to: folder, renderer: renderer)
        try renderer.render([job])
        let data = try JSONDecoder().decode(FeedbackFigure.Data.self, from: Data(contentsOf: folder.appendingPathComponent("feedback.json")))
        return (job.figure, data)
    }

    func testRevealedVerticalFlipShowsTheImagesAndTheirPixels() throws {
        let root = try makeTemporaryFolder("flipcrop")
        let (figure, data) = try writeFeedback(grade(verticalFlip, revealing: true), to: root.appendingPathComponent("a"))
        let panels = try XCTUnwrap(figure as? ImagePanels)
        let image = try PNGImage(contentsOf: root.appendingPathComponent("a/feedback.png"))
        XCTAssertEqual(FigureSize(width: image.width, height: image.height), panels.defaultSize)
        XCTAssertEqual(panels.columns.map(\.count), [1, 2, 2, 2], "input; reference, submitted and wrong pixels of each output")

        XCTAssertEqual(data.kind, "images")
        XCTAssertFalse(data.referenceWithheld)
        XCTAssertEqual(data.series.map(\.name), ["image", "flipped", "crop"])
        let input = inputs.require("image"), reference = exercise.reference(for: inputs)
        XCTAssertEqual(data.series[0].x, input.scalars)
        XCTAssertEqual(data.series[0].shape, input.shape)
        for (series, key) in zip(data.series.dropFirst(), ["flipped", "crop"]) {
            XCTAssertEqual(series.reference, reference.require(key).scalars, key)
            XCTAssertEqual(series.submitted, verticalFlip.require(key).scalars, key)
            XCTAssertEqual(series.shape, reference.require(key).shape, key)
            // Exactly the pixels whose values differ are marked.
            let (width, channels) = (series.shape![1], 3)
            let differing = (0..<(series.reference.count / channels)).filter { p in
                (0..<channels).contains { series.reference[p * channels + $0] != series.submitted![p * channels + $0] }
            }.map { [$0 / width, $0 % width] }
            XCTAssertFalse(differing.isEmpty, key)
            XCTAssertEqual(series.wrongPixels, differing, key)
        }
        // The crop's window is outlined on flipped.
        XCTAssertEqual(data.series[1].window, PixelRect(x: Int(inputs.scalar("left")), y: Int(inputs.scalar("top")),
                                                        width: Int(inputs.scalar("width")), height: Int(inputs.scalar("height"))))
        XCTAssertNil(data.series[2].window)
        // The window's JSON names the offsets as the problem does: top and left.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("a/feedback.json"))) as? [String: Any]
        let window = ((json?["series"] as? [[String: Any]])?[1])?["window"] as? [String: Int]
        XCTAssertEqual(window, ["top": Int(inputs.scalar("top")), "left": Int(inputs.scalar("left")),
                                "height": Int(inputs.scalar("height")), "width": Int(inputs.scalar("width"))])

        // Byte-identical on a second run.
        _ = try writeFeedback(grade(verticalFlip, revealing: true), to: root.appendingPathComponent("b"))
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("a/feedback.json")),
                       try Data(contentsOf: root.appendingPathComponent("b/feedback.json")))
    }

    func testWithheldReferenceLeavesNoReferencePixelsInTheData() throws {
        let root = try makeTemporaryFolder("flipcrop")
        let (figure, data) = try writeFeedback(grade(verticalFlip, revealing: false), to: root)
        XCTAssertFalse(figure is ImagePanels, "no picture of the reference while it is withheld")
        XCTAssertEqual(data.kind, "bands")
        XCTAssertTrue(data.referenceWithheld)
        let reference = exercise.reference(for: inputs)
        let withheld = [reference.require("flipped").scalars, reference.require("crop").scalars]
        for series in data.series {
            XCTAssertEqual(series.reference, [], series.name)
            for values in [series.x, series.submitted ?? []] { XCTAssertFalse(withheld.contains(values), series.name) }
            XCTAssertNil(series.wrongPixels, series.name)
        }
        let text = try String(contentsOf: root.appendingPathComponent("feedback.json"))
        XCTAssertFalse(text.contains("wrongPixels") || text.contains("\"shape\""), text)
    }

    func testWrongShapeIsNamedInsteadOfDrawn() throws {
        var answers = exercise.reference(for: inputs)
        let crop = answers.require("crop")
        answers["crop"] = Tensor(shape: [crop.shape[0] * crop.shape[1], 3], scalars: crop.scalars)
        let (figure, data) = FeedbackFigure.make(grade(answers, revealing: true), exercise: exercise)
        let panels = try XCTUnwrap(figure as? ImagePanels)
        let submitted = panels.columns[2]
        XCTAssertNotNil(submitted[0].image, "flipped is right and drawn")
        XCTAssertNil(submitted[1].image)
        XCTAssertEqual(submitted[1].title, "submitted crop\nshape [\(crop.shape[0] * crop.shape[1]), 3], expected \(crop.shape)")
        XCTAssertEqual(panels.columns[3][0].title, "flipped: every pixel right")
        XCTAssertEqual(data.series[2].submittedShape, [crop.shape[0] * crop.shape[1], 3])
        XCTAssertNil(data.series[2].submitted)
        XCTAssertEqual(data.series[1].wrongPixels, [])
    }

    func testLabGradeWithARevealingCourseDrawsTheImages() throws {
        guard FileManager.default.isExecutableFile(atPath: LabBinary.url.path) else {
            return XCTFail("lab binary not built at \(LabBinary.url.path)")
        }
        let root = try makeTemporaryFolder("flipcrop")
        let keyFile = root.appendingPathComponent("course.key"), course = root.appendingPathComponent("course.json")
        let submission = root.appendingPathComponent("submission.json")
        try Data("flip-crop-feedback".utf8).write(to: keyFile)
        try Data(#"{"deadline": "2020-01-01T00:00:00Z", "revealReferenceAfterDeadline": true}"#.utf8).write(to: course)
        try Data(Submission.json(verticalFlip).utf8).write(to: submission)
        let run = try LabBinary.run(["grade", exercise.name, submission.path, "--student", student.value, "--course-key", keyFile.path,
                                     "--course", course.path, "--out", root.appendingPathComponent("out").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let folder = root.appendingPathComponent("out/\(exercise.name)/students/\(student.value)")
        let data = try JSONDecoder().decode(FeedbackFigure.Data.self, from: Data(contentsOf: folder.appendingPathComponent("feedback.json")))
        XCTAssertEqual(data.kind, "images")
        let expected = FeedbackFigure.make(grade(verticalFlip, revealing: true), exercise: exercise).figure.defaultSize
        let image = try PNGImage(contentsOf: folder.appendingPathComponent("feedback.png"))
        XCTAssertEqual(FigureSize(width: image.width, height: image.height), expected)
    }
}
