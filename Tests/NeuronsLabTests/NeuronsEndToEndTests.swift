import Foundation
import LabTestSupport
import XCTest

/// Runs the built `lab neurons` on a small configuration and reads back its JSON.
final class NeuronsEndToEndTests: XCTestCase {
    static let small = ["--fit-steps", "40", "--seeds", "1", "--epochs", "2", "--hidden", "8", "--depth", "2",
                        "--dead-lr", "1", "--units", "1,3", "--xor-points", "20"]

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    struct Document: Decodable {
        struct Caption: Decodable { var lecturePoint: String; var deck: String; var finding: String; var rank: Int }
        var figure: String
        var seed: UInt64
        var caption: Caption
        var figureFile: String
    }

    func testSmallRunWritesSevenCaptionedFigures() throws {
        let folder = try makeTemporaryFolder("neurons")
        let run = try LabBinary.run(["neurons", "--out", folder.path, "--seed", "4"] + Self.small)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssert(run.stdout.contains("wrote 7 figures"), run.stdout)
        let names = ["activations", "xor", "no-activation", "universal-approximation", "relu-vs-tanh", "backprop-graph", "gradient-check-steps"]
        for (rank, name) in names.enumerated() {
            let data = try Data(contentsOf: folder.appendingPathComponent("neurons/\(name).json"))
            let d = try JSONDecoder().decode(Document.self, from: data)
            XCTAssertEqual(d.seed, 4)
            XCTAssertEqual(d.caption.rank, rank)
            XCTAssert(["000", "001", "002", "003"].contains(d.caption.deck), d.caption.deck)
            XCTAssertFalse(d.caption.finding.isEmpty)
            XCTAssertEqual(d.figureFile, "\(name).png")
            XCTAssert(FileManager.default.fileExists(atPath: folder.appendingPathComponent("neurons/\(name).png").path), name)
        }
    }

    func testBadInputFailsWithOneLine() throws {
        let folder = try makeTemporaryFolder("neurons")
        for (arguments, fragment) in [(["--units", "0"], "--units"), (["--dead-lr", "x"], "'x' is not a number"),
                                      (["--lr", "-1"], "--lr"), (["--depth", "0"], "--depth"), (["--units", ""], "--units is empty")] {
            let run = try LabBinary.run(["neurons", "--out", folder.path] + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stderrLines.count, 1, run.stderr)
            XCTAssert(run.stderr.hasPrefix("lab: error: ") && run.stderr.contains(fragment), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("neurons").path))
    }
}
