import Foundation
import LabTestSupport
import NNFiles
import NNRender
import XCTest

/// The gallery in a real browser: headless Chromium loads `index.html` from disk, every image
/// loads (naturalWidth > 0), nothing is logged to the console (a name that ran as script would
/// log), and a screenshot is taken. Skipped, saying so, where Chromium is not installed.
final class GalleryBrowserTests: XCTestCase {
    /// The script added to a copy of the page: on `load` it writes what it found into the DOM for
    /// `--dump-dom`, then logs one line, which proves console messages do reach stderr.
    static let check = """
        <script>
        window.addEventListener("load", function () {
          var images = Array.from(document.images);
          var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })
                             .map(function (i) { return i.getAttribute("src"); });
          var result = document.createElement("pre");
          result.id = "gallery-check";
          result.textContent = JSON.stringify({ images: images.length, broken: broken, scripts: document.scripts.length });
          document.body.appendChild(result);
          console.info("gallery-check-done");
        });
        </script>
        """

    struct CheckResult: Decodable {
        var images: Int
        var broken: [String]
        var scripts: Int
    }

    func testEveryImageLoadsInChromiumWithNoConsoleMessage() throws {
        try requireLabBinary()
        guard let chromium = HeadlessChromium.find() else {
            throw XCTSkip("Chromium is not installed, so the gallery was not checked in a browser "
                          + "(Debian: apt-get install --no-install-recommends chromium; `make test` installs it)")
        }
        let root = try makeTemporaryFolder("gallery-browser")
        let out = root.appendingPathComponent("out")
        // A hand-made section with hostile names and a PDF, then one small run of each figure
        // format the page shows differently: PNG, an animated GIF, SVG.
        try GalleryFixtures.writeHostileSection(in: out)
        for arguments in [["init-study", "--width", "32", "--depth", "2", "--batch", "4", "--scheme", "small,xavier-tanh"],
                          ["optimizers", "--function", "valley", "--optimizer", "sgd,adam", "--steps", "10"],
                          ["augment", "--transform", "hflip", "--samples", "1", "--format", "svg"]] {
            let run = try LabBinary.run(arguments + ["--out", out.path])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let index = out.appendingPathComponent("index.html")
        let page = try String(contentsOf: index)
        let expectedImages = page.components(separatedBy: "<img ").count - 1
        XCTAssertEqual(expectedImages, 15, "5 init-study, 7 optimizers (2 of them second-order and gradient noise), 1 augment, 2 hand-made")

        // The copy sits beside the page, so that its relative links are the page's.
        let checkPage = out.appendingPathComponent(".gallery-check.html")
        try Data(page.replacingOccurrences(of: "</body>", with: Self.check + "\n</body>").utf8).write(to: checkPage)
        let loaded = try chromium.dumpDOM(checkPage, profile: root.appendingPathComponent("profile"))
        try FileManager.default.removeItem(at: checkPage)
        guard let start = loaded.stdout.range(of: "<pre id=\"gallery-check\">"),
              let end = loaded.stdout[start.upperBound...].range(of: "</pre>") else {
            return XCTFail("the page's check did not run; Chromium printed: \(loaded.stdout.suffix(500)) \(loaded.stderr.suffix(1500))")
        }
        let json = String(loaded.stdout[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let result = try JSONDecoder().decode(CheckResult.self, from: Data(json.utf8))
        XCTAssertEqual(result.images, expectedImages)
        XCTAssertEqual(result.broken, [], "images that did not load")
        XCTAssertEqual(result.scripts, 1, "the page runs a script of its own")
        let messages = loaded.consoleMessages
        XCTAssertEqual(messages.filter { $0.contains("gallery-check-done") }.count, 1,
                       "console messages do not reach stderr, so they cannot be checked: \(loaded.stderr.suffix(1500))")
        XCTAssertEqual(messages.filter { !$0.contains("gallery-check-done") }, [], "console messages")

        let screenshot = root.appendingPathComponent("gallery.png")
        _ = try chromium.screenshot(index, to: screenshot, width: 1280, height: 2400, profile: root.appendingPathComponent("profile"))
        let image = try PNGImage(contentsOf: screenshot)
        XCTAssertEqual(image.width, 1280)
        // Not blank: the page's figures and text make many distinct colours.
        XCTAssertGreaterThan(Set(stride(from: 0, to: image.pixels.count, by: image.channels * 97).map { image.pixels[$0] }).count, 20)
        if let keep = ProcessInfo.processInfo.environment["NNLAB_GALLERY_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep))
        }
    }
}
