import Foundation
import LabTestSupport
import XCTest

/// Runs the built `lab dropout` on a small configuration and reads back its JSON.
final class DropoutEndToEndTests: XCTestCase {
    static let small = ["--hidden", "32", "--planar-hidden", "32", "--epochs", "4", "--ensemble", "2", "--ensemble-repeats", "2", "--mc-samples", "20", "--grid", "20",
                        "--train-count", "60"]

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    struct Document: Decodable {
        struct Parameters: Decodable {
            var lab: String; var seed: UInt64; var keeps: [Double]; var hidden: [Int]; var planarHidden: [Int]; var inputKeep: Double
        }
        var figure: String
        var finding: String
        var parameters: Parameters
    }

    struct ScalingFile: Decodable {
        struct Results: Decodable { var maxProbabilityDifference: Double; var keep: Double }
        var results: Results
    }

    func testSmallRunWritesSixFiguresWithDeterministicJSON() throws {
        let folder = try makeTemporaryFolder("dropout")
        let names = ["overfitting", "vanilla-vs-inverted", "two-input-neuron", "mc-dropout", "ensembles", "decision-boundaries"]
        var first: [Data] = []
        for pass in 0..<2 {
            let run = try LabBinary.run(["dropout", "--out", folder.path, "--seed", "5", "--keep", "1,0.5"] + Self.small)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssert(run.stdout.contains("wrote 6 figures"), run.stdout)
            let data = try names.map { try Data(contentsOf: folder.appendingPathComponent("dropout/\($0).json")) }
            if pass == 0 { first = data } else { XCTAssertEqual(data, first, "same seed, byte-identical JSON") }
        }
        for name in names {
            XCTAssert(FileManager.default.fileExists(atPath: folder.appendingPathComponent("dropout/\(name).png").path), name)
            let document = try JSONDecoder().decode(Document.self, from: first[names.firstIndex(of: name)!])
            XCTAssertEqual(document.parameters.lab, "dropout")
            XCTAssertEqual(document.parameters.seed, 5)
            XCTAssertEqual(document.parameters.keeps, [1, 0.5])
            XCTAssertEqual(document.parameters.hidden, [32])
            XCTAssertEqual(document.parameters.planarHidden, [32])
            XCTAssertEqual(document.parameters.inputKeep, 0.8)
            XCTAssertFalse(document.finding.isEmpty)
        }
        let scaling = try JSONDecoder().decode(ScalingFile.self, from: first[1])
        XCTAssertEqual(scaling.results.keep, 0.5)
        XCTAssertLessThan(scaling.results.maxProbabilityDifference, 1e-12)
    }

    func testBadInputFailsWithOneLineAndWritesNothing() throws {
        let folder = try makeTemporaryFolder("dropout")
        let malformed = folder.appendingPathComponent("bad.csv")
        try Data("0,1,2\n".utf8).write(to: malformed)
        let cases: [([String], String)] = [
            (["--keep", "0"], "outside (0, 1]"),
            (["--keep", "1.5"], "outside (0, 1]"),
            (["--hidden", "64,0"], "at least 1"),
            (["--hidden", ""], "--hidden is empty"),
            (["--planar-hidden", "0"], "at least 1"),
            (["--input-keep", "0"], "outside (0, 1]"),
            (["--dataset", "mnist"], "unknown dataset 'mnist'"),
            (["--optimizer", "adamw"], "unknown optimizer 'adamw'"),
            (["--classes", "11"], "asks for more"),
            (["--data-file", folder.appendingPathComponent("missing.csv.gz").path], "does not exist"),
            (["--data-file", malformed.path], "bad.csv: line 1: expected 65"),
            (["--lr", "nan"], "learning rate"),
            (["--small-ensemble-count", "60"], "must be below the train count 60"),
        ]
        let out = folder.appendingPathComponent("out")
        for (arguments, expected) in cases {
            let run = try LabBinary.run(["dropout", "--out", out.path] + Self.small + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stderrLines.count, 1, "\(arguments): \(run.stderr)")
            XCTAssert(run.stderr.contains(expected), "\(arguments): expected '\(expected)' in \(run.stderr)")
            let written = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("dropout").path)) ?? []
            XCTAssertEqual(written, [], "\(arguments): no partial output")
        }
    }
}

/// `lab gradcheck` prints one row per gradient and exits 0 when all are within their bands.
final class GradcheckEndToEndTests: XCTestCase {
    func testGradcheckPrintsTheTableAndSucceeds() throws {
        let run = try LabBinary.run(["gradcheck", "--seed", "2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssert(run.stdout.contains("batch norm (training) ∂γ"), run.stdout)
        XCTAssert(run.stdout.contains("loss bce-with-logits ∂scores"), run.stdout)
        XCTAssert(run.stdout.contains("0 outside their band"), run.stdout)
        let bad = try LabBinary.run(["gradcheck", "--seed", "x"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.stderrLines.count, 1, bad.stderr)
    }
}
