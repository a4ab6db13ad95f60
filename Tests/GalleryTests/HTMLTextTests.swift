@testable import Gallery
import XCTest

/// Escaping and links: everything on the page comes from file names, JSON and command lines.
final class HTMLTextTests: XCTestCase {
    func testEscapeCoversEveryCharacterThatEndsTextOrAnAttribute() {
        XCTAssertEqual(HTMLText.escape(#"<script>alert("x" & 'y')</script>"#),
                       "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
        XCTAssertEqual(HTMLText.escape("plain λ ≤ 0.19"), "plain λ ≤ 0.19")
    }

    func testLinksPercentEncodeEachComponent() {
        XCTAssertEqual(HTMLText.link(["init-study", "summary.png"]), "./init-study/summary.png")
        XCTAssertEqual(HTMLText.link(["a b#?", "<x>\"&'.png"]), "./a%20b%23%3F/%3Cx%3E%22%26%27.png")
        XCTAssertEqual(HTMLText.link(["javascript:alert(1)"]), "./javascript%3Aalert%281%29")
    }

    func testShellLineReadsBackAsTheSameWords() {
        XCTAssertEqual(RunRecord.shellLine(["lab", "init-study", "--seed", "3", "--out", "/tmp/x y"]),
                       "lab init-study --seed 3 --out '/tmp/x y'")
        XCTAssertEqual(RunRecord.shellLine(["lab", "it's", ""]), #"lab 'it'\''s' ''"#)
    }
}
