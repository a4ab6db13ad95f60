import Foundation
import LabTestSupport
import XCTest

/// Runs the built `lab regularize` on a small configuration and reads back its JSON.
final class RegularizeEndToEndTests: XCTestCase {
    static let small = ["--units", "3,8", "--capacity-lambdas", "0.01", "--planar-epochs", "10", "--points-per-class", "20",
                        "--hidden", "16", "--train-count", "60", "--epochs", "5", "--lambdas", "0.001,0.01", "--histogram-lambda", "0.01",
                        "--max-norms", "1", "--seeds", "2", "--copies", "2", "--max-degree", "4", "--sample-points", "8",
                        "--sample-sizes", "8,16", "--draws", "10"]
    static let names = ["capacity", "capacity-lambda", "penalties", "weight-histograms", "penalty-paths", "bias-variance",
                        "early-stopping", "label-smoothing", "augmentation"]

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    struct Document: Decodable {
        struct Caption: Decodable { var lecturePoint: String; var deck: String; var finding: String; var rank: Int }
        struct Parameters: Decodable { var lab: String; var seed: UInt64; var hidden: [Int] }
        var figure: String
        var seed: UInt64
        var caption: Caption
        var parameters: Parameters
    }

    func testSmallRunWritesNineFiguresWithDeterministicJSON() throws {
        let folder = try makeTemporaryFolder("regularize")
        var first: [Data] = []
        for pass in 0..<2 {
            let run = try LabBinary.run(["regularize", "--out", folder.path, "--seed", "3"] + Self.small)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssert(run.stdout.contains("wrote 9 figures"), run.stdout)
            let data = try Self.names.map { try Data(contentsOf: folder.appendingPathComponent("regularize/\($0).json")) }
            if pass == 0 { first = data } else { XCTAssertEqual(data, first, "same seed, byte-identical JSON") }
        }
        var ranks: [Int] = []
        for (name, data) in zip(Self.names, first) {
            XCTAssert(FileManager.default.fileExists(atPath: folder.appendingPathComponent("regularize/\(name).png").path), name)
            let document = try JSONDecoder().decode(Document.self, from: data)
            XCTAssertEqual(document.parameters.lab, "regularize")
            XCTAssertEqual(document.seed, 3)
            XCTAssertEqual(document.parameters.hidden, [16])
            XCTAssertFalse(document.caption.finding.isEmpty, name)
            XCTAssert(["000", "003"].contains(document.caption.deck), name)
            ranks.append(document.caption.rank)
        }
        XCTAssertEqual(ranks, Array(0..<9))
        // The five weight histograms in one row across a slide, not a 2×3 grid with an empty slot:
        // the PNG's IHDR width and height (big-endian, bytes 16–23).
        let png = try Data(contentsOf: folder.appendingPathComponent("regularize/weight-histograms.png"))
        let side = { (offset: Int) in png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual([side(16), side(20)], [1920, 800])
    }

    func testBadInputFailsWithOneLineAndWritesNothing() throws {
        let folder = try makeTemporaryFolder("regularize")
        let cases: [([String], String)] = [
            (["--units", "0"], "layer size 0"),
            (["--hidden", ""], "--hidden is empty"),
            (["--lambdas=-1"], "must be in (0, 10]"),
            (["--histogram-lambda", "0.5"], "must be one of --lambdas"),
            (["--max-norms", "0"], "limit 0.0 must be in"),
            (["--smoothing", "1"], "must be in (0, 1)"),
            (["--lr", "nan"], "--lr nan"),
            (["--sample-points", "3"], "cannot fit a polynomial of degree 4"),
            (["--max-degree", "40"], "--max-degree must be in 1...30"),
            (["--draws", "1"], "--draws 1 is outside"),
            (["--data-file", folder.appendingPathComponent("missing.csv.gz").path], "does not exist"),
        ]
        let out = folder.appendingPathComponent("out")
        for (arguments, expected) in cases {
            let run = try LabBinary.run(["regularize", "--out", out.path] + Self.small + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stderrLines.count, 1, "\(arguments): \(run.stderr)")
            XCTAssert(run.stderr.contains(expected), "\(arguments): expected '\(expected)' in \(run.stderr)")
            let written = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("regularize").path)) ?? []
            XCTAssertEqual(written, [], "\(arguments)")
        }
    }
}
