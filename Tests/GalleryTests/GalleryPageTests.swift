@testable import Gallery
import LabTestSupport
import NNRender
import XCTest

/// The page built from a folder: escaping of every hostile name and text, links that resolve,
/// and formats shown the way browsers can show them.
final class GalleryPageTests: XCTestCase {
    func testHostileNamesAreEscapedEverywhere() throws {
        let root = try makeTemporaryFolder("gallery-hostile")
        let folder = try GalleryFixtures.writeHostileSection(in: root)
        try RunRecord.write(["lab", "x", "--out", #"<script>alert("cmd")</script> & 'q'"#], for: folder)
        let page = try String(contentsOf: Gallery.rebuild(in: root))

        XCTAssertFalse(page.lowercased().contains("<script"), "markup from a name reached the page")
        XCTAssertFalse(page.contains("<img src=q"), "markup from a file name reached the page")
        XCTAssertFalse(page.contains("<b>bold") || page.contains("<svg"), "markup from a file name reached the page")
        XCTAssertTrue(page.contains("&lt;svg onload=&quot;console.error(&#39;pwned-folder&#39;)&quot;&gt;&amp;&quot;&#39;"))
        XCTAssertTrue(page.contains("&lt;/p&gt;&lt;script&gt;console.error(&quot;pwned-json&quot;)"))
        XCTAssertFalse(page.contains("<iframe"), "markup from a student ID reached the page")
        XCTAssertTrue(page.contains("<h3>svm-loss: feedback for &lt;iframe src=javascript:console.error(&#39;pwned-id&#39;)&gt;</h3>"), page)
        XCTAssertTrue(page.contains("<dd>1 / 4</dd>"), "the student's score")
        // The command, quoted for a shell, then escaped for HTML.
        XCTAssertTrue(page.contains("lab x --out &#39;&lt;script&gt;alert(&quot;cmd&quot;)&lt;/script&gt; &amp; &#39;\\&#39;&#39;q&#39;\\&#39;&#39;&#39;"), page)
        // The PDF is a link, the PNG an image, both by percent-encoded relative paths.
        XCTAssertTrue(page.contains("<a class=\"picture document\" href=\"./%3Csvg%20onload%3D%22console.error%28%27pwned-folder%27%29%22%3E%26%22%27/plain%20%26%20%3Cb%3Ebold.pdf\">"), page)
        XCTAssertEqual(page.components(separatedBy: "<img ").count - 1, 2)
        XCTAssertEqual(try linkedFiles(in: page, root: root).filter { !FileManager.default.fileExists(atPath: $0.path) }, [])
    }

    func testAStaleRecordShowsNoCommand() throws {
        let root = try makeTemporaryFolder("gallery-stale")
        let folder = try GalleryFixtures.writeHostileSection(in: root)
        try RunRecord.write(["lab", "old"], for: folder)
        XCTAssertEqual(RunRecord.command(for: folder), ["lab", "old"])
        // A new folder swapped in without a new record (a run killed just after its swap).
        let replacement = root.appendingPathComponent(".replacement")
        try FileManager.default.copyItem(at: folder, to: replacement)
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.moveItem(at: replacement, to: folder)
        XCTAssertNil(RunRecord.command(for: folder))
        XCTAssertTrue(try String(contentsOf: Gallery.rebuild(in: root)).contains("is not recorded"))
    }

    func testAnEmptyFolderGetsAPageThatSaysSo() throws {
        let root = try makeTemporaryFolder("gallery-empty")
        let page = try String(contentsOf: Gallery.rebuild(in: root))
        XCTAssertTrue(page.contains("No figures yet"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["index.html"], "temporaries or a lock left behind")
    }

    /// Every file the page links to or shows (`href` and `src` values), as URLs under `root`.
    func linkedFiles(in page: String, root: URL) throws -> [URL] {
        let pattern = try NSRegularExpression(pattern: ##"(?:href|src)="\./([^"#]*)""##)
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
            let encoded = String(page[Range(match.range(at: 1), in: page)!])
            return root.appendingPathComponent(encoded.removingPercentEncoding!)
        }
    }
}
