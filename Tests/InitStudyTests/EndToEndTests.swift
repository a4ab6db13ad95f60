import Foundation
import NNEngine
import NNFiles
import NNRender
import LabTestSupport
import XCTest
@testable import InitStudy

/// Runs the built `lab` binary on small configurations and reads back what it wrote.
final class EndToEndTests: XCTestCase {
    /// The parts of a `<scheme>-<kind>.json` the tests read.
    struct FigureFile: Decodable {
        struct Parameters: Decodable { var lab: String; var depth: Int; var width: Int; var batch: Int; var seed: UInt64 }
        var parameters: Parameters
        var verdict: String
        var unitsIdentical: Bool
        var layers: [LayerStatistics]
        var histograms: [Histogram]
    }

    static func decode(_ url: URL) throws -> FigureFile {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(FigureFile.self, from: Data(contentsOf: url))
    }

    static let schemes = "small,xavier-tanh,xavier-relu,kaiming-relu,constant"

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    func testBuiltInSchemesEndToEnd() throws {
        let root = try makeTemporaryFolder("init-study")
        let run = try LabBinary.run(["init-study", "--width", "256", "--scheme", Self.schemes, "--out", root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let folder = root.appendingPathComponent("init-study")
        // 5 schemes × 2, the summary, and the symmetry figure (constant is among them).
        XCTAssertTrue(run.stdout.contains("wrote 12 figures"), run.stdout)

        let small = try Self.decode(folder.appendingPathComponent("small-activations.json"))
        XCTAssertEqual(small.parameters.width, 256)
        XCTAssertEqual(small.parameters.lab, "init-study")
        XCTAssertEqual(small.layers.count, 6)
        XCTAssertLessThan(small.layers.last!.activationStd, 1e-3 * small.layers.first!.activationStd, "small collapses")
        XCTAssertTrue(small.verdict.contains("collapses"), small.verdict)

        let kaiming = try Self.decode(folder.appendingPathComponent("kaiming-relu-activations.json"))
        let ratio = kaiming.layers.last!.activationStd / kaiming.layers.first!.activationStd
        XCTAssert((0.5...2).contains(ratio), "kaiming-relu std last/first \(ratio)")

        let constant = try Self.decode(folder.appendingPathComponent("constant-gradients.json"))
        XCTAssertTrue(constant.unitsIdentical)
        XCTAssertTrue(constant.layers.allSatisfy { $0.unitSpread == 0 })
        // The symmetry figure's JSON carries its own caption for the gallery.
        let symmetry = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("symmetry.json"))) as? [String: Any]
        XCTAssertEqual((symmetry?["caption"] as? [String: Any])?["deck"] as? String, "001")
        XCTAssertEqual((symmetry?["schemes"] as? [Any])?.count, 2, "constant beside xavier-tanh")

        // Every JSON has its figure beside it, and every figure is a readable PNG.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let jsons = Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        let pngs = Set(names.filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) })
        XCTAssertEqual(jsons.count, 12)
        XCTAssertEqual(jsons, pngs)
        XCTAssertEqual(names.count, 24, "nothing but the figures and their JSON: \(names.sorted())")
        for name in pngs {
            let image = try PNGImage(contentsOf: folder.appendingPathComponent("\(name).png"))
            XCTAssertGreaterThan(image.width, 0, name)
        }

        // The same seed gives byte-identical JSON; another seed does not.
        let again = try makeTemporaryFolder("init-study")
        XCTAssertEqual(try LabBinary.run(["init-study", "--width", "256", "--scheme", Self.schemes, "--out", again.path]).status, 0)
        let otherSeed = try makeTemporaryFolder("init-study")
        XCTAssertEqual(try LabBinary.run(["init-study", "--width", "256", "--scheme", Self.schemes, "--seed", "1",
                                     "--out", otherSeed.path]).status, 0)
        for name in jsons {
            let file = "init-study/\(name).json"
            let first = try Data(contentsOf: root.appendingPathComponent(file))
            XCTAssertEqual(first, try Data(contentsOf: again.appendingPathComponent(file)), "\(name).json differs between runs")
            XCTAssertNotEqual(first, try Data(contentsOf: otherSeed.appendingPathComponent(file)), "\(name).json ignores the seed")
        }
    }

    /// One core gives the same JSON as two. Width 1024 makes every parallel path run: the
    /// stacked products on OpenBLAS's threads, the layers' summaries shared among the cores, and
    /// the sums and variances of the 2²⁰-element weight matrices split among them.
    func testOneCoreGivesTheSameJSONAsAll() throws {
        let arguments = ["init-study", "--width", "1024", "--depth", "2", "--scheme", "small,constant,kaiming-relu,constant-small"]
        let all = try makeTemporaryFolder("init-study"), one = try makeTemporaryFolder("init-study-1core")
        let run = try LabBinary.run(arguments + ["--out", all.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        guard let pinned = try LabBinary.runOnOneCore(arguments + ["--out", one.path]) else { throw XCTSkip("taskset is missing") }
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: all.appendingPathComponent("init-study").path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(names.count, 10)
        for name in names {
            let file = "init-study/\(name)"
            XCTAssertEqual(try Data(contentsOf: one.appendingPathComponent(file)), try Data(contentsOf: all.appendingPathComponent(file)), "\(name): 1 core ≠ all")
        }
    }

    func testCustomLargeSchemeSaturates() throws {
        let root = try makeTemporaryFolder("init-study")
        let run = try LabBinary.run(["init-study", "--width", "256", "--init", "normal:0.2", "--activation", "tanh",
                                "--format", "svg", "--size", "800x600", "--out", root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let folder = root.appendingPathComponent("init-study")
        let custom = try Self.decode(folder.appendingPathComponent("custom-activations.json"))
        XCTAssertGreaterThan(custom.layers.last!.saturatedFraction!, 0.25)
        XCTAssertLessThan(custom.layers.last!.localGradientMean, 0.5)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)),
                       ["custom-activations.json", "custom-activations.svg", "custom-gradients.json", "custom-gradients.svg",
                        "summary.json", "summary.svg"])
    }

    func testBadInputFailsWithOneLineAndWritesNothing() throws {
        let root = try makeTemporaryFolder("init-study")
        let file = root.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let out = root.appendingPathComponent("out")
        var withoutGnuplot = ProcessInfo.processInfo.environment
        withoutGnuplot["PATH"] = "/nonexistent"
        withoutGnuplot["NNLAB_GNUPLOT"] = nil
        let base = ["init-study", "--width", "256", "--depth", "2", "--scheme", "small"]
        let cases: [(arguments: [String], environment: [String: String]?, fragments: [String])] = [
            (["--scheme", "nope", "--out", out.path], nil, ["unknown scheme 'nope'", "kaiming-relu"]),
            (["--width", "0", "--out", out.path], nil, ["width must be at least 1"]),
            (["--width", "100000", "--out", out.path], nil, ["limit", "memory"]),
            (["--init", "normal:nan", "--out", out.path], nil, ["normal:nan", "finite"]),
            (["--activation", "swish", "--out", out.path], nil, ["unknown activation 'swish'"]),
            (["--format", "gif", "--out", out.path], nil, ["unknown format 'gif'"]),
            (["--size", "10x10", "--out", out.path], nil, ["10x10"]),
            (["--out", file.appendingPathComponent("sub").path], nil, ["a-file"]),
            (["--out", out.path], withoutGnuplot, ["gnuplot", "apt-get install gnuplot-nox"]),
        ]
        for (arguments, environment, fragments) in cases {
            let run = try LabBinary.run(base + arguments, environment: environment)
            let what = arguments.joined(separator: " ")
            XCTAssertNotEqual(run.status, 0, what)
            XCTAssertEqual(run.stderrLines.count, 1, "\(what): stderr is '\(run.stderr)'")
            for fragment in fragments { XCTAssertTrue(run.stderr.contains(fragment), "\(what): '\(run.stderr)' lacks '\(fragment)'") }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["a-file"], "\(what) left files behind")
        }
    }

    func testListAndHelp() throws {
        let list = try LabBinary.run(["list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.split(separator: "\n").contains { $0.hasPrefix("init-study") }, list.stdout)
        let help = try LabBinary.run(["--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("init-study"), help.stdout)
        let subHelp = try LabBinary.run(["init-study", "--help"])
        XCTAssertEqual(subHelp.status, 0)
        XCTAssertTrue(subHelp.stdout.contains("--activation"), subHelp.stdout)
        let unknown = try LabBinary.run(["frobnicate"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertEqual(unknown.stderrLines.count, 1, unknown.stderr)
    }
}

