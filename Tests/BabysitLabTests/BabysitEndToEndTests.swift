import Foundation
import LabTestSupport
import XCTest

/// Runs the built `lab babysit` on a small configuration and reads back its JSON.
final class BabysitEndToEndTests: XCTestCase {
    static let small = ["--hidden", "8", "--epochs", "2", "--batch-size", "64", "--seed", "3"]
    static let names = ["sanity-checks", "lr-finder", "loss-curves", "accuracy-curves", "update-ratios", "activation-histograms", "gradient-histograms",
                        "first-layer-weights", "schedules", "batch-size"]

    struct Document: Decodable {
        struct Caption: Decodable { var lecturePoint: String; var deck: String; var finding: String; var rank: Int }
        struct Parameters: Decodable { var lab: String; var hidden: [Int]; var epochs: Int; var seed: UInt64 }
        var figure: String
        var seed: UInt64
        var caption: Caption
        var parameters: Parameters
    }

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    func testSmallRunWritesEveryFigureWithCaptionedDeterministicJSON() throws {
        let folder = try makeTemporaryFolder("babysit")
        var first: [Data] = []
        for pass in 0..<2 {
            let run = try LabBinary.run(["babysit", "--out", folder.path] + Self.small)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssert(run.stdout.contains("wrote 10 figures"), run.stdout)
            let data = try Self.names.map { try Data(contentsOf: folder.appendingPathComponent("babysit/\($0).json")) }
            if pass == 0 { first = data } else { XCTAssertEqual(data, first, "same seed, byte-identical JSON") }
        }
        for (rank, name) in Self.names.enumerated() {
            XCTAssert(FileManager.default.fileExists(atPath: folder.appendingPathComponent("babysit/\(name).png").path), name)
            let document = try JSONDecoder().decode(Document.self, from: first[rank])
            XCTAssertEqual(document.parameters.lab, "babysit")
            XCTAssertEqual(document.parameters.hidden, [8])
            XCTAssertEqual(document.parameters.epochs, 2)
            XCTAssertEqual(document.seed, 3)
            XCTAssertEqual(document.caption.rank, rank, name)
            XCTAssertFalse(document.caption.finding.isEmpty, name)
            XCTAssert(["000", "001", "004"].contains(document.caption.deck), name)
        }
    }

    func testBadInputFailsWithOneLine() throws {
        let folder = try makeTemporaryFolder("babysit")
        let cases: [([String], String)] = [
            (["--lr-range", "10,1e-6"], "is empty"),
            (["--lr-range", "0,1"], "positive"),
            (["--schedule", "cosine:x"], "not a whole number"),
            (["--schedule", "wobble"], "unknown schedule"),
            (["--batch-size", "5000"], "larger than the"),
        ]
        for (arguments, message) in cases {
            let run = try LabBinary.run(["babysit", "--out", folder.path] + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stderrLines.count, 1, "\(arguments): \(run.stderr)")
            XCTAssert(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("babysit").path))
    }
}
