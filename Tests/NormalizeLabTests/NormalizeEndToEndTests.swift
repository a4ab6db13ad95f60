import Foundation
import LabTestSupport
import XCTest

/// Runs the built `lab normalize` on a small configuration and reads back its JSON.
final class NormalizeEndToEndTests: XCTestCase {
    static let small = ["--depth", "3", "--width", "8", "--epochs", "2", "--sweep-epochs", "1", "--sweep-lr", "3,0.1",
                        "--optimizer", "sgd", "--leak-splits", "2", "--gaussian-points", "60", "--train-count", "100"]
    static let names = ["preprocessing", "preprocessing-leak", "loss-sensitivity", "zig-zag", "batchnorm-training", "batchnorm-init",
                        "batchnorm-activations", "batchnorm-test-time"]

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    struct Document: Decodable {
        struct Caption: Decodable { var lecturePoint: String; var deck: String; var finding: String; var rank: Int }
        struct Parameters: Decodable { var lab: String; var depth: Int; var sweepRates: [Double] }
        var figure: String
        var seed: UInt64
        var caption: Caption
        var parameters: Parameters
    }

    struct Preprocessing: Decodable {
        struct Row: Decodable { var whitenedTrainDeviation: Double }
        struct Results: Decodable { var rows: [Row] }
        var results: Results
    }

    struct Training: Decodable {
        struct End: Decodable { var divergedAtStep: Int?; var completedEpochs: Int }
        struct Curve: Decodable { var learningRate: Double; var end: End }
        struct Sweep: Decodable { var plain: [Curve] }
        struct Results: Decodable { var sweep: Sweep }
        var results: Results
    }

    func testSmallRunWritesEightFiguresWithDeterministicCaptionedJSON() throws {
        let folder = try makeTemporaryFolder("normalize")
        var first: [Data] = []
        for pass in 0..<2 {
            let run = try LabBinary.run(["normalize", "--out", folder.path, "--seed", "4"] + Self.small)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssert(run.stdout.contains("wrote 8 figures"), run.stdout)
            let data = try Self.names.map { try Data(contentsOf: folder.appendingPathComponent("normalize/\($0).json")) }
            if pass == 0 { first = data } else { XCTAssertEqual(data, first, "same seed, byte-identical JSON") }
        }
        for (rank, name) in Self.names.enumerated() {
            XCTAssert(FileManager.default.fileExists(atPath: folder.appendingPathComponent("normalize/\(name).png").path), name)
            let document = try JSONDecoder().decode(Document.self, from: first[rank])
            XCTAssertEqual(document.seed, 4)
            XCTAssertEqual(document.parameters.lab, "normalize")
            XCTAssertEqual(document.parameters.depth, 3)
            XCTAssertEqual(document.caption.rank, rank)
            XCTAssert(["001", "003", "004"].contains(document.caption.deck))
            XCTAssertFalse(document.caption.finding.isEmpty)
        }
        // One core gives the same JSON as two (BLAS single-threaded, every net on its own streams).
        let oneCore = try makeTemporaryFolder("normalize-1core")
        if let run = try LabBinary.runOnOneCore(["normalize", "--out", oneCore.path, "--seed", "4"] + Self.small) {
            XCTAssertEqual(run.status, 0, run.stderr)
            for (k, name) in Self.names.enumerated() {
                XCTAssertEqual(try Data(contentsOf: oneCore.appendingPathComponent("normalize/\(name).json")), first[k], "\(name): 1 core ≠ 2 cores")
            }
        }
        let pictures = try JSONDecoder().decode(Preprocessing.self, from: first[0])
        for row in pictures.results.rows { XCTAssertLessThanOrEqual(row.whitenedTrainDeviation, 1e-10) }
        // The sweep's rates, sorted, each net with its ending.
        let training = try JSONDecoder().decode(Training.self, from: first[4])
        XCTAssertEqual(training.results.sweep.plain.map(\.learningRate), [0.1, 3])
        XCTAssert(training.results.sweep.plain.allSatisfy { $0.end.divergedAtStep != nil || $0.end.completedEpochs == 1 })
    }

    func testBadInputFailsWithOneLineAndWritesNothing() throws {
        let folder = try makeTemporaryFolder("normalize")
        let cases: [([String], String)] = [
            (["--activation", "relu"], "tanh or sigmoid"),
            (["--activation", "swish"], "activation"),
            (["--batch-size", "1"], "batch size must be at least 2"),
            (["--depth", "0"], "depth must be at least 1"),
            (["--sweep-lr", "0.1,abc"], "--sweep-lr"),
            (["--lr", "0"], "learning rate 0.0"),
            (["--target-accuracy", "2"], "target accuracy"),
            (["--data-file", folder.appendingPathComponent("missing.csv").path], "missing.csv"),
        ]
        for (arguments, message) in cases {
            let run = try LabBinary.run(["normalize", "--out", folder.path] + Self.small + arguments)
            XCTAssertNotEqual(run.status, 0, "\(arguments)")
            XCTAssertEqual(run.stderrLines.count, 1, "\(arguments): \(run.stderr)")
            XCTAssert(run.stderr.contains(message), "\(arguments): expected '\(message)' in \(run.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("normalize/preprocessing.json").path))
    }
}
