import AugmentLab
import Foundation
import NNEngine
import NNFiles
import NNImage
import NNRender
import LabTestSupport
import XCTest

/// Runs the built `lab augment` binary and reads back what it wrote.
final class AugmentEndToEndTests: XCTestCase {
    static let sheets = "hflip,random-resized-crop,pca-color,mixup,six-to-nine"

    func testSheetsEndToEnd() throws {
        let root = try makeTemporaryFolder("augment")
        let run = try LabBinary.run(["augment", "--transform", Self.sheets, "--samples", "3", "--out", root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("wrote 5 figures"), run.stdout)
        let folder = root.appendingPathComponent("augment")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        XCTAssertEqual(names, Set(Self.sheets.split(separator: ",").flatMap { ["\($0).png", "\($0).json"] }))
        for name in names where name.hasSuffix(".png") {
            XCTAssertGreaterThan(try PNGImage(contentsOf: folder.appendingPathComponent(name)).width, 300, name)
        }
        for name in names where name.hasSuffix(".json") {
            try Self.assertNamedKeys(folder.appendingPathComponent(name))
        }

        // The JSON holds the seed and every sample's parameters, and they are the ones the library
        // draws for the same seed in this process.
        let data = try JSONDecoder().decode(SheetData.self, from: Data(contentsOf: folder.appendingPathComponent("random-resized-crop.json")))
        XCTAssertEqual(data.seed, 0)
        XCTAssertEqual(data.samples.count, 4)
        let configuration = AugmentConfiguration(sheets: [.randomResizedCrop], samples: 3, seed: 0)
        let sheet = try AugmentStudy.run(configuration, inputs: try AugmentStudy.loadInputs(configuration))[0]
        XCTAssertEqual(data.samples.map(\.transform), sheet.data.samples.map(\.transform))
        let cat = try Image(contentsOf: BundledData.cat)
        for (sample, tile) in zip(data.samples.dropFirst(), sheet.tiles.dropFirst()) {
            XCTAssertEqual(sample.transform!.apply(to: cat), tile.image, "replay from the JSON")
        }
        let mixup = try JSONDecoder().decode(SheetData.self, from: Data(contentsOf: folder.appendingPathComponent("mixup.json")))
        for sample in mixup.samples.dropFirst(2) {
            XCTAssertEqual(sample.labelWeights!, [sample.mixup!.lambda, 1 - sample.mixup!.lambda])
        }
        let digits = try JSONDecoder().decode(SheetData.self, from: Data(contentsOf: folder.appendingPathComponent("six-to-nine.json")))
        XCTAssertEqual(digits.samples.map(\.label), [6, 9, 6, 6, digits.samples[4].label, 9], "a 6 upside down is nearest to a 9")

        // Same seed: byte-identical JSON; another seed: different samples.
        let again = try makeTemporaryFolder("augment"), other = try makeTemporaryFolder("augment")
        XCTAssertEqual(try LabBinary.run(["augment", "--transform", Self.sheets, "--samples", "3", "--out", again.path]).status, 0)
        XCTAssertEqual(try LabBinary.run(["augment", "--transform", "random-resized-crop", "--samples", "3", "--seed", "5", "--out", other.path]).status, 0)
        for name in names where name.hasSuffix(".json") {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)),
                           try Data(contentsOf: again.appendingPathComponent("augment/\(name)")), "\(name) differs between runs")
        }
        XCTAssertNotEqual(try Data(contentsOf: folder.appendingPathComponent("random-resized-crop.json")),
                          try Data(contentsOf: other.appendingPathComponent("augment/random-resized-crop.json")))
    }

    func testBatchModeWritesReplayableCopies() throws {
        let root = try makeTemporaryFolder("augment")
        let out = root.appendingPathComponent("copies")
        let run = try LabBinary.run(["augment", "--pipeline", "flip,crop:224,jitter:0.4", "--image", BundledData.cat.path,
                                "--count", "6", "--seed", "3", "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(names, (1...6).map { "chelsea-000\($0).png" } + ["chelsea-augment.json"])
        let manifest = try JSONDecoder().decode(AugmentBatch.Manifest.self, from: Data(contentsOf: out.appendingPathComponent("chelsea-augment.json")))
        try Self.assertNamedKeys(out.appendingPathComponent("chelsea-augment.json"))
        XCTAssertEqual(manifest.seed, 3)
        XCTAssertEqual(manifest.copies.count, 6)
        let cat = try Image(contentsOf: BundledData.cat)
        for copy in manifest.copies {
            let written = try PNGImage(contentsOf: out.appendingPathComponent(copy.file))
            XCTAssertEqual([written.width, written.height], [224, 224])
            XCTAssertEqual(copy.parameters.apply(to: cat).pngImage(), written, "replaying \(copy.file) gives its exact bytes")
        }
        // One thread or two: the same copies.
        let single = try AugmentBatch(pipeline: "flip,crop:224,jitter:0.4", image: BundledData.cat, count: 6, seed: 3, threads: 1)
            .write(to: root.appendingPathComponent("single"))
        XCTAssertEqual(single.copies.map(\.parameters), manifest.copies.map(\.parameters))
    }

    /// `jitter:0:0:0:0.1` in batch mode on a red patch (200, 30, 30): every copy whose recorded hue
    /// is positive turned toward orange (green up, blue kept), every negative one toward magenta
    /// (blue up), as torchvision's adjust_hue does, and the green or blue level is the one the
    /// HSV definition gives for the recorded shift.
    func testBatchModeHueJitterTurnsRedTheWayItsRecordSays() throws {
        let root = try makeTemporaryFolder("augment-hue")
        let red = root.appendingPathComponent("red.png")
        try PNGImage(width: 8, height: 8, channels: 3, pixels: (0..<64).flatMap { _ in [UInt8(200), 30, 30] }).write(to: red)
        let out = root.appendingPathComponent("copies")
        let run = try LabBinary.run(["augment", "--pipeline", "jitter:0:0:0:0.1", "--image", red.path, "--count", "20", "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let manifest = try JSONDecoder().decode(AugmentBatch.Manifest.self, from: Data(contentsOf: out.appendingPathComponent("red-augment.json")))
        var positive = 0, negative = 0
        for copy in manifest.copies {
            var record = copy.parameters
            if case .pipeline(let steps) = record, steps.count == 1 { record = steps[0] }
            guard case .colorJitter(let jitter) = record else {
                return XCTFail("\(copy.file): expected a colour jitter record, got \(copy.parameters)")
            }
            let pixel = try PNGImage(contentsOf: out.appendingPathComponent(copy.file)).pixels.prefix(3).map(Double.init)
            // s = 0.85, v = 200: the rising channel is v(1 − s(1 − 6|h|)) for |h| < 1/6.
            let rising = 200 * (1 - 0.85 * (1 - 6 * abs(jitter.hue)))
            print("\(copy.file): recorded hue \(jitter.hue), pixel \(pixel), expected rising channel \(rising)")
            if jitter.hue > 0 {
                positive += 1
                XCTAssertEqual(pixel[1], rising, accuracy: 1, "\(copy.file): green toward orange")
                XCTAssertEqual(pixel[2], 30, accuracy: 1, copy.file)
            } else if jitter.hue < 0 {
                negative += 1
                XCTAssertEqual(pixel[2], rising, accuracy: 1, "\(copy.file): blue toward magenta")
                XCTAssertEqual(pixel[1], 30, accuracy: 1, copy.file)
            }
            XCTAssertEqual(pixel[0], 200, accuracy: 1, copy.file)
        }
        XCTAssertGreaterThan(positive, 0)
        XCTAssertGreaterThan(negative, 0)
    }

    func testBadInputFailsWithOneLineAndWritesNothing() throws {
        let root = try makeTemporaryFolder("augment")
        let inputs = root.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let text = inputs.appendingPathComponent("notes.png")
        try Data("hello, not a png".utf8).write(to: text)
        let catBytes = try Data(contentsOf: BundledData.cat)
        let truncated = inputs.appendingPathComponent("truncated.png")
        try catBytes.prefix(catBytes.count / 2).write(to: truncated)
        let empty = inputs.appendingPathComponent("empty.png")
        try Self.pngHeader(width: 0, height: 0).write(to: empty)
        let huge = inputs.appendingPathComponent("huge.png")
        try Self.pngHeader(width: 5000, height: 4000).write(to: huge)
        let tiny = inputs.appendingPathComponent("tiny.png")
        try PNGImage(width: 50, height: 40, channels: 3, pixels: [UInt8](repeating: 128, count: 6000)).write(to: tiny)
        let out = root.appendingPathComponent("out").path
        let cat = BundledData.cat.path
        let cases: [(arguments: [String], fragments: [String])] = [
            (["--image", inputs.appendingPathComponent("missing.png").path], ["missing.png", "does not exist"]),
            (["--image", text.path], ["notes.png is not a PNG file"]),
            (["--image", truncated.path], ["corrupt PNG", "libpng:"]),
            (["--image", empty.path], ["empty 0×0 image"]),
            (["--image", huge.path], ["5000×4000", "the limit is 16 megapixels"]),
            (["--transform", "hflip,spin"], ["unknown transform 'spin'", "random-resized-crop"]),
            (["--samples", "0"], ["samples must be within 1...48"]),
            (["--pipeline", "flip,crp:224", "--image", cat], ["step 2 'crp:224' (character 6)", "unknown transform 'crp'"]),
            (["--pipeline", "flip,crop:224@1.5", "--image", cat], ["probability 1.5 is outside [0, 1]"]),
            (["--pipeline", "flip,crop:224", "--image", tiny.path], ["pipeline step 2: crop 224×224 is larger than the 50×40 image"]),
            (["--pipeline", "flip", "--image", cat, "--count", "0"], ["count must be within"]),
            (["--pipeline", "flip"], ["exactly one --image"]),
        ]
        for (arguments, fragments) in cases {
            let run = try LabBinary.run(["augment", "--out", out] + arguments)
            let what = arguments.joined(separator: " ")
            XCTAssertNotEqual(run.status, 0, what)
            XCTAssertEqual(run.stderrLines.count, 1, "\(what): stderr is '\(run.stderr)'")
            for fragment in fragments { XCTAssertTrue(run.stderr.contains(fragment), "\(what): '\(run.stderr)' lacks '\(fragment)'") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(what) left files behind")
        }
    }

    /// Fails if the JSON file has a key like `"_0"`, the synthesized name of an unnamed value.
    static func assertNamedKeys(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let keys = jsonKeys(of: try JSONSerialization.jsonObject(with: Data(contentsOf: url)))
        XCTAssertEqual(keys.filter { $0.hasPrefix("_") }, [], url.lastPathComponent, file: file, line: line)
    }

    /// Every key of every object in a JSON value, depth first.
    static func jsonKeys(of value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys.sorted() + object.values.flatMap { jsonKeys(of: $0) } }
        if let array = value as? [Any] { return array.flatMap { jsonKeys(of: $0) } }
        return []
    }

    /// The first 33 bytes of a PNG: signature and an IHDR chunk (8-bit RGB) with a correct CRC.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var chunk: [UInt8] = Array("IHDR".utf8)
        for value in [width, height] { chunk += [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        chunk += [8, 2, 0, 0, 0]
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in chunk {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + chunk + [24, 16, 8, 0].map { UInt8((crc >> $0) & 0xFF) }
        return Data(bytes)
    }
}

