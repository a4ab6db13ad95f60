import Foundation
import NNEngine
import NNFiles
import NNRender

/// Writes a graded submission's files into its folder: `results.json` (Gradescope),
/// `feedback.md`, and the data of `feedback.png` (`feedback.json`); the figure itself is returned
/// as a render job, so that a batch can draw all its figures in a few gnuplot processes.
public enum FeedbackReport {
    /// Writes the text files (atomically) and returns the figure job for `feedback.png`.
    public static func write(_ report: GradeReport, exercise: any Exercise, to folder: URL,
                             renderer: FigureRenderer) throws -> (figure: any Figure, url: URL) {
        try JSONOutput.write(GradescopeResults(report), to: folder.appendingPathComponent("results.json"))
        try AtomicFile.write(Data(FeedbackText.markdown(report, exercise: exercise).utf8),
                             to: folder.appendingPathComponent("feedback.md"))
        let (figure, data) = FeedbackFigure.make(report, exercise: exercise)
        try JSONOutput.write(data, to: folder.appendingPathComponent("feedback.json"), figure: renderer.url(for: "feedback", in: folder))
        return (figure, renderer.url(for: "feedback", in: folder))
    }
}
