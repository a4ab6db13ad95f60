import Foundation
import LabTestSupport
import XCTest

/// Divergence is a result in every lab: a run whose numbers overflow, underflow or become NaN
/// exits 0, writes every figure with its JSON, and says where and why it stopped on stdout.
final class DivergenceEndToEndTests: XCTestCase {
    func testInitStudySchemesThatLeaveFloat64AreReported() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("diverge-init").path
        for (arguments, reason, other) in [
            (["--width", "64", "--depth", "150", "--scheme", "small,xavier-tanh"], "std exactly 0 at layer", "xavier-tanh"),
            (["--width", "64", "--init", "normal:1e100", "--activation", "relu", "--scheme", "kaiming-relu"], "overflowed to +∞ at layer 2", "kaiming-relu"),
        ] {
            let run = try LabBinary.run(["init-study", "--out", out] + arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssert(run.stdout.contains(reason), run.stdout)
            let summary = try String(contentsOfFile: out + "/init-study/summary.json", encoding: .utf8)
            XCTAssert(summary.contains("\"outcome\"") && summary.contains(reason), "the JSON says why")
            XCTAssert(FileManager.default.fileExists(atPath: out + "/init-study/summary.png"))
            XCTAssert(FileManager.default.fileExists(atPath: out + "/init-study/\(other)-activations.png"), "the other scheme is drawn")
        }
    }

    func testDropoutNetsThatDivergeAreReported() throws {
        try requireLabBinary()
        let out = try makeTemporaryFolder("diverge-dropout").path
        let run = try LabBinary.run(["dropout", "--lr", "5", "--optimizer", "sgd", "--epochs", "3", "--ensemble", "2",
                                     "--mc-samples", "10", "--grid", "10", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        let line = run.stdout.split(separator: "\n").first { $0.contains("nets diverged") }
        XCTAssertNotNil(line, run.stdout)
        XCTAssert(line?.contains("learning rate too high?") == true, "\(line ?? "")")
        for figure in ["overfitting", "vanilla-vs-inverted", "two-input-neuron", "mc-dropout", "ensembles", "decision-boundaries"] {
            XCTAssert(FileManager.default.fileExists(atPath: "\(out)/dropout/\(figure).png"), figure)
            let json = try String(contentsOfFile: "\(out)/dropout/\(figure).json", encoding: .utf8)
            XCTAssert(json.contains("\"divergences\"") && json.contains("\"diverged\""), "\(figure).json lists the diverged nets")
        }
    }
}
