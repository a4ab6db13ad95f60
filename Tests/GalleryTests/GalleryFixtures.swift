import Foundation
import NNFiles
import NNRender

/// Small files the gallery tests build output folders from.
enum GalleryFixtures {
    /// A 4×3 grey PNG (RGB).
    static func png() throws -> Data {
        try PNGImage(width: 4, height: 3, channels: 3, pixels: [UInt8](repeating: 128, count: 36)).pngData()
    }

    /// The smallest file a PDF reader accepts as one empty page (enough for a link).
    static let pdf = Data("%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    /// Names and texts that would run script or break out of an attribute if not escaped; each
    /// payload writes to the console, which the browser test watches.
    /// (A file name cannot hold `/`, so no closing tag there.)
    static let hostileFolder = #"<svg onload="console.error('pwned-folder')">&"'"#
    static let hostileFigure = #"x"><img src=q onerror="console.error('pwned-file')">&'.png"#
    static let hostileStudent = #"<iframe src=javascript:console.error('pwned-id')>"#
    static let hostileText = #"</p><script>console.error("pwned-json")</script> & "quotes" 'too'"#

    /// A section of hand-made figures with hostile names under `root`: a PNG with a JSON full of
    /// markup, and a PDF. Returns the folder.
    @discardableResult
    static func writeHostileSection(in root: URL) throws -> URL {
        let folder = root.appendingPathComponent(hostileFolder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try png().write(to: folder.appendingPathComponent(hostileFigure))
        let json = try JSONSerialization.data(withJSONObject: ["figure": hostileText, "figureFile": hostileFigure, "seed": 1])
        try json.write(to: folder.appendingPathComponent("hostile.json"))
        try pdf.write(to: folder.appendingPathComponent("plain & <b>bold.pdf"))
        // A student's feedback, the student ID in the folder name and in the JSON.
        let student = folder.appendingPathComponent(hostileStudent)
        try FileManager.default.createDirectory(at: student, withIntermediateDirectories: true)
        try png().write(to: student.appendingPathComponent("feedback.png"))
        let feedback = try JSONSerialization.data(withJSONObject: ["exercise": "svm-loss", "student": hostileStudent, "kind": "relative-error",
                                                                   "worst": [hostileText], "figureFile": "feedback.png"])
        try feedback.write(to: student.appendingPathComponent("feedback.json"))
        try Data(#"{"score": 1, "max_score": 4}"#.utf8).write(to: student.appendingPathComponent("results.json"))
        return folder
    }
}
