import Foundation
import LabTestSupport
import XCTest

/// Runs the built `lab losses` on a small configuration and reads back its JSON.
final class LossesEndToEndTests: XCTestCase {
    static let small = ["--sample-size", "50", "--fit-steps", "50", "--grid", "15"]

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

    func testSmallRunWritesSixCaptionedFiguresDeterministically() throws {
        let folder = try makeTemporaryFolder("losses")
        let names = ["mse-vs-cross-entropy", "bce-softplus", "hinge-vs-cross-entropy", "mean-vs-median", "kl-asymmetry", "l2-vs-kl-surface"]
        var first: [Data] = []
        for pass in 0..<2 {
            let run = try LabBinary.run(["losses", "--out", folder.path, "--seed", "9"] + Self.small)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssert(run.stdout.contains("wrote 6 figures"), run.stdout)
            let data = try names.map { try Data(contentsOf: folder.appendingPathComponent("losses/\($0).json")) }
            if pass == 0 { first = data } else { XCTAssertEqual(data, first, "same seed, byte-identical JSON") }
        }
        for (rank, name) in names.enumerated() {
            let d = try JSONDecoder().decode(Document.self, from: first[rank])
            XCTAssertEqual(d.seed, 9)
            XCTAssertEqual(d.caption.rank, rank)
            XCTAssert(["003", "004"].contains(d.caption.deck), d.caption.deck)
            XCTAssertEqual(d.figureFile, "\(name).png")
            XCTAssert(FileManager.default.fileExists(atPath: folder.appendingPathComponent("losses/\(name).png").path), name)
        }
    }

    func testBadInputFailsWithOneLine() throws {
        let folder = try makeTemporaryFolder("losses")
        for (arguments, fragment) in [(["--grid", "2"], "--grid"), (["--range", "nan"], "--range"), (["--sample-size", "1"], "--sample-size"),
                                      (["--examples", "x"], "--examples")] {
            let run = try LabBinary.run(["losses", "--out", folder.path] + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stderrLines.count, 1, run.stderr)
            XCTAssert(run.stderr.hasPrefix("lab: error: ") && run.stderr.contains(fragment), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("losses").path))
    }
}
