import Foundation
import LabTestSupport
import XCTest

/// `lab` writes `<out>/index.html` whenever a lab finishes: from every lab folder under `--out`,
/// each section with the exact command that made its folder.
final class GalleryEndToEndTests: XCTestCase {
    func testEachLabRebuildsThePageKeepingTheOthers() throws {
        try requireLabBinary()
        // An output folder whose name needs escaping and shell quoting.
        let out = try makeTemporaryFolder("gallery-e2e").appendingPathComponent(#"out & <"it's">"#)
        let initStudy = ["init-study", "--width", "16", "--depth", "2", "--batch", "2", "--scheme", "small", "--out", out.path]
        let augment = ["augment", "--transform", "vflip", "--samples", "1", "--format", "svg", "--seed", "5", "--out", out.path]
        for arguments in [initStudy, augment] {
            let run = try LabBinary.run(arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse(run.stderr.contains("gallery"), run.stderr)
        }
        let page = try String(contentsOf: out.appendingPathComponent("index.html"))
        XCTAssertTrue(page.contains("<a href=\"#lab-1\">init-study</a>"), "the first lab's section was lost")
        XCTAssertTrue(page.contains("<a href=\"#lab-2\">augment</a>"))
        XCTAssertTrue(page.contains("<img src=\"./augment/vflip.svg\""), "an SVG is shown as an image")
        XCTAssertTrue(page.contains("<a href=\"./init-study/summary.json\">summary.json</a>"))
        for arguments in [initStudy, augment] {
            let command = "lab " + arguments.dropLast().joined(separator: " ") + " &#39;" + out.path
                .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;\\&#39;&#39;") + "&#39;"
            XCTAssertTrue(page.contains("Made by <code>\(command)</code>"), "no exact command \(command)")
        }
        // The folder holds the labs' folders, the page and the records; no lock or temporary.
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)),
                       ["index.html", "init-study", "augment", ".init-study.command.json", ".augment.command.json"])
    }
}
