import Foundation
import NNEngine
import NNFiles
import NNRender
import LabTestSupport
import XCTest

/// Runs the built `lab optimizers` on small configurations and reads back what it wrote.
final class OptimizersEndToEndTests: XCTestCase {
    /// The parts of a figure's JSON the tests read: exactly the list per optimizer.
    struct FigureFile: Decodable {
        struct Parameters: Decodable { var lab: String; var function: String; var steps: Int; var seed: UInt64; var gradientNoise: Double }
        struct Run: Decodable {
            var name: String
            var hyperparameters: OptimizerConfiguration
            var trajectory: [TrajectoryPoint]
            var reachedMinimumAtStep: Int?
            var final: TrajectoryPoint
            var diverged: Bool
            var divergedAtStep: Int?
        }
        var parameters: Parameters
        var animationFrameSteps: [Int]?
        var optimizers: [Run]
    }

    static func decode(_ url: URL) throws -> FigureFile {
        try JSONDecoder().decode(FigureFile.self, from: Data(contentsOf: url))
    }

    /// GIF frames: image descriptors (0x2C) found by walking the blocks after the header.
    static func gifFrames(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        guard bytes.count > 13, String(decoding: bytes[0..<6], as: UTF8.self) == "GIF89a" else { return nil }
        var i = 13
        if bytes[10] & 0x80 != 0 { i += 3 << (Int(bytes[10] & 7) + 1) }
        func skipSubBlocks() { while i < bytes.count, bytes[i] != 0 { i += Int(bytes[i]) + 1 }; i += 1 }
        var frames = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x21: i += 2; skipSubBlocks()
            case 0x2C:
                frames += 1
                let packed = bytes[i + 9]
                i += 10
                if packed & 0x80 != 0 { i += 3 << (Int(packed & 7) + 1) }
                i += 1
                skipSubBlocks()
            case 0x3B: return frames
            default: return nil
            }
        }
        return nil
    }

    override func setUpWithError() throws {
        try requireLabBinary()
    }

    func testRunWritesFiguresAnimationsAndJSON() throws {
        let root = try makeTemporaryFolder("optimizers")
        let arguments = ["optimizers", "--function", "beale,saddle", "--optimizer", "sgd,momentum,adam:0.9,0.99",
                         "--steps", "120", "--out", root.path]
        let run = try LabBinary.run(arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("wrote 8 figures"), run.stdout)
        let folder = root.appendingPathComponent("optimizers")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        var expected: Set<String> = []
        for f in ["beale", "saddle"] {
            expected.formUnion(["\(f)-contour.png", "\(f)-contour.json", "\(f)-loss.png", "\(f)-loss.json",
                                "\(f)-animation.gif", "\(f)-animation.json", "\(f)-second-order.png", "\(f)-second-order.json"])
        }
        XCTAssertEqual(names, expected)

        let beale = try Self.decode(folder.appendingPathComponent("beale-contour.json"))
        XCTAssertEqual(beale.parameters.lab, "optimizers")
        XCTAssertEqual(beale.parameters.function, "beale")
        XCTAssertEqual(beale.optimizers.map(\.name), ["sgd", "momentum", "adam"])
        XCTAssertEqual(beale.optimizers[2].hyperparameters.kind, .adam(beta1: 0.9, beta2: 0.99))
        for optimizer in beale.optimizers {
            XCTAssertEqual(optimizer.trajectory.count, 121, optimizer.name)
            XCTAssertEqual(optimizer.trajectory.map(\.step), Array(0...120))
            XCTAssertEqual(optimizer.final, optimizer.trajectory.last)
            XCTAssertFalse(optimizer.diverged)
            XCTAssertNil(optimizer.divergedAtStep)
            for p in optimizer.trajectory { XCTAssertEqual(p.f, TestFunction.beale.value(x: p.x, y: p.y), "full precision") }
        }
        let raw = try String(contentsOf: folder.appendingPathComponent("beale-contour.json"), encoding: .utf8)
        XCTAssertTrue(raw.contains("\"reachedMinimumAtStep\" : null"), "null, not left out")

        let animation = try Self.decode(folder.appendingPathComponent("saddle-animation.json"))
        let frames = try XCTUnwrap(animation.animationFrameSteps)
        XCTAssertEqual(frames.count, 60)
        XCTAssertEqual(frames.first, 0)
        XCTAssertEqual(frames, frames.sorted())
        for f in ["beale", "saddle"] {
            let gif = try Data(contentsOf: folder.appendingPathComponent("\(f)-animation.gif"))
            XCTAssertEqual(Self.gifFrames(gif), 60, "\(f)-animation.gif frames")
            XCTAssertLessThan(gif.count, 2_000_000, "\(f)-animation.gif stays small")
            let png = try PNGImage(contentsOf: folder.appendingPathComponent("\(f)-contour.png"))
            XCTAssertGreaterThan(png.width, 0)
        }
    }

    func testDivergenceIsAResultAndNoiseIsSeeded() throws {
        let root = try makeTemporaryFolder("optimizers")
        let base = ["optimizers", "--function", "valley", "--optimizer", "sgd,momentum", "--steps", "80", "--noise", "0.5",
                    "--no-animation"]
        XCTAssertEqual(try LabBinary.run(base + ["--lr", "0.6", "--out", root.appendingPathComponent("a").path]).status, 0)
        let a = try Self.decode(root.appendingPathComponent("a/optimizers/valley-contour.json"))
        let sgd = a.optimizers[0]
        XCTAssertTrue(sgd.diverged)
        let step = try XCTUnwrap(sgd.divergedAtStep)
        XCTAssertEqual(sgd.trajectory.last?.step, step)
        XCTAssertEqual(a.parameters.gradientNoise, 0.5)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("a/optimizers").path)),
                       ["valley-contour.png", "valley-contour.json", "valley-loss.png", "valley-loss.json",
                        "lr-sweep.png", "lr-sweep.json", "lr-sweep-contour.png", "lr-sweep-contour.json",
                        "valley-second-order.png", "valley-second-order.json", "sgd-noise-decay.png", "sgd-noise-decay.json"])

        XCTAssertEqual(try LabBinary.run(base + ["--lr", "0.6", "--out", root.appendingPathComponent("b").path]).status, 0)
        XCTAssertEqual(try LabBinary.run(base + ["--lr", "0.6", "--seed", "3", "--out", root.appendingPathComponent("c").path]).status, 0)
        for name in ["valley-contour.json", "lr-sweep.json"] {
            let first = try Data(contentsOf: root.appendingPathComponent("a/optimizers/\(name)"))
            XCTAssertEqual(first, try Data(contentsOf: root.appendingPathComponent("b/optimizers/\(name)")), "\(name) differs between runs")
            XCTAssertNotEqual(first, try Data(contentsOf: root.appendingPathComponent("c/optimizers/\(name)")), "\(name) ignores the seed")
        }
    }

    func testBadInputFailsWithOneLineAndWritesNothing() throws {
        let root = try makeTemporaryFolder("optimizers")
        let out = root.appendingPathComponent("out")
        let cases: [([String], [String])] = [
            (["--optimizer", "adamw"], ["unknown optimizer 'adamw'", "adagrad"]),
            (["--function", "booth"], ["unknown test function 'booth'", "himmelblau"]),
            (["--lr", "0"], ["learning rate must be a finite positive number"]),
            (["--lr", "-0.1"], ["learning rate"]),
            (["--lr", "nan"], ["learning rate"]),
            (["--lr", "inf"], ["learning rate"]),
            (["--steps", "0"], ["steps must be in 1...100000"]),
            (["--steps", "1000000"], ["steps must be in 1...100000"]),
            (["--start", "1;2"], ["start '1;2'", "X,Y"]),
            (["--start", "abc"], ["start 'abc'"]),
            (["--momentum", "1.5"], ["μ must be in [0, 1)"]),
            (["--clip", "value:-1"], ["clipping threshold"]),
            (["--schedule", "cosine"], ["unknown schedule 'cosine'"]),
            (["--noise", "-1"], ["noise"]),
            (["--format", "gif"], ["unknown format 'gif'"]),
        ]
        for (arguments, fragments) in cases {
            let run = try LabBinary.run(["optimizers", "--function", "valley", "--steps", "5", "--out", out.path] + arguments)
            let what = arguments.joined(separator: " ")
            XCTAssertNotEqual(run.status, 0, what)
            XCTAssertEqual(run.stderrLines.count, 1, "\(what): stderr is '\(run.stderr)'")
            for fragment in fragments { XCTAssertTrue(run.stderr.contains(fragment), "\(what): '\(run.stderr)' lacks '\(fragment)'") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(what) left files behind")
        }
    }

    func testNegativeStartParsesAndListShowsTheLab() throws {
        let root = try makeTemporaryFolder("optimizers")
        let run = try LabBinary.run(["optimizers", "--function", "saddle", "--optimizer", "adam", "--start", "-1,-0.001",
                                "--steps", "10", "--no-animation", "--out", root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let saddle = try Self.decode(root.appendingPathComponent("optimizers/saddle-contour.json"))
        XCTAssertEqual(saddle.optimizers[0].trajectory[0].x, -1)
        XCTAssertEqual(saddle.optimizers[0].trajectory[0].y, -0.001)
        XCTAssertTrue(try LabBinary.run(["list"]).stdout.contains("optimizers"))
        XCTAssertTrue(try LabBinary.run(["optimizers", "--help"]).stdout.contains("--no-animation"))
    }
}

