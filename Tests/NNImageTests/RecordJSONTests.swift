import Foundation
import NNEngine
import NNFiles
@testable import NNImage
import XCTest

/// The JSON form of `TransformRecord`: named keys a student can read, and a stable format that
/// replays bit for bit.
final class RecordJSONTests: XCTestCase {
    /// Every key of every object in a JSON value, depth first.
    static func keys(of value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys.sorted() + object.values.flatMap { keys(of: $0) } }
        if let array = value as? [Any] { return array.flatMap { keys(of: $0) } }
        return []
    }

    static func json(_ record: TransformRecord) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONOutput.encoder().encode(record))
    }

    /// Records of every case, with every fill: the `ReplayTests` pipeline over several seeds (one-of
    /// and random apply, both taken and skipped), plus the cases it does not reach.
    static func everyCase() throws -> [TransformRecord] {
        let image = TestImages.gradient()
        let augmentation = try Augmentation(parsingPipeline: ReplayTests.everything)
        var generator = RandomStream(seed: 5)
        var records = try (0..<12).map { _ in try augmentation.sample(image, using: &generator).record }
        let others: [Augmentation] = [
            .randomCrop(try RandomCrop(size: ImageSize(side: 20))),
            .scaleJitter(try ScaleJitterCrop(shortSides: 40...60, crop: 32)),
            .affine(try AffineWarp(degrees: 10...10, fill: .edge)),
            .affine(try AffineWarp(degrees: 10...10, fill: .reflect)),
            .affine(try AffineWarp(degrees: 10...10, fill: .constant(0.5))),
            .erasing(try RandomErasing(noise: true)),
            .resize(try Resize(.shortSide(30))),
        ]
        for augmentation in others { records.append(try augmentation.sample(image, using: &generator).record) }
        return records
    }

    func testEncodedRecordsHaveNamedKeys() throws {
        let records = try Self.everyCase()
        var seen = Set<String>()
        for record in records {
            let keys = Self.keys(of: try Self.json(record))
            // The synthesized coding of an unnamed associated value writes "_0", "_1", ….
            XCTAssertEqual(keys.filter { $0.hasPrefix("_") }, [], record.caption)
            seen.formUnion(keys)
        }
        let kinds = Set(TransformRecord.Kind.allCases.map(\.rawValue))
        XCTAssertEqual(kinds.subtracting(seen), [], "cases the records did not cover")
        for name in ["steps", "probability", "applied", "index", "degrees", "fill", "constant", "value", "edge", "reflect", "noise",
                     "seed", "region", "order", "alphas", "eigenvectors", "fieldSeed", "noiseSeed"] {
            XCTAssertTrue(seen.contains(name), "no key '\(name)' in \(seen.sorted())")
        }

        // A single transform's fields sit directly under its case name.
        let rotation = TransformRecord.affine(AffineWarp.Parameters(degrees: 12.5))
        let object = try XCTUnwrap(try Self.json(rotation) as? [String: Any])
        XCTAssertEqual(Array(object.keys), ["affine"])
        let fields = try XCTUnwrap(object["affine"] as? [String: Any])
        XCTAssertEqual(fields.keys.sorted(), ["degrees", "fill", "scale", "shearDegrees", "stretch", "translateX", "translateY"])
        XCTAssertEqual(fields["degrees"] as? Double, 12.5)
        XCTAssertEqual((fields["fill"] as? [String: [String: Double]])?["constant"]?["value"], 0)
    }

    func testEveryCaseRoundTripsAndReplays() throws {
        let image = TestImages.gradient()
        for record in try Self.everyCase() {
            let data = try JSONOutput.encoder().encode(record)
            let decoded = try JSONDecoder().decode(TransformRecord.self, from: data)
            XCTAssertEqual(decoded, record)
            XCTAssertEqual(decoded.apply(to: image), record.apply(to: image), "replay from JSON differs")
            XCTAssertEqual(try JSONOutput.encoder().encode(decoded), data, "re-encoding changes the JSON")
        }
    }

    /// The format as the lab's README shows it: a file written by an earlier run must still read.
    func testDocumentedFormatDecodes() throws {
        let text = """
        {"pipeline": {"steps": [
          {"flip": {"axis": "horizontal", "flipped": true}},
          {"randomApply": {"probability": 0.5, "applied":
            {"oneOf": {"index": 0, "applied":
              {"affine": {"degrees": 12.5, "fill": {"constant": {"value": 0}}, "scale": 1,
                          "shearDegrees": 0, "stretch": 1, "translateX": 0, "translateY": 0}}}}}},
          {"randomApply": {"probability": 0.5}},
          {"erasing": {"fill": {"constant": {"value": 0}}, "region": {"height": 93, "width": 76, "x": 275, "y": 207}}}
        ]}}
        """
        let expected = TransformRecord.pipeline(steps: [
            .flip(Flip.Parameters(axis: .horizontal, flipped: true)),
            .randomApply(probability: 0.5, applied: .oneOf(index: 0, applied: .affine(AffineWarp.Parameters(degrees: 12.5)))),
            .randomApply(probability: 0.5, applied: nil),
            .erasing(RandomErasing.Parameters(region: PixelRect(x: 275, y: 207, width: 76, height: 93), fill: .constant(0))),
        ])
        XCTAssertEqual(try JSONDecoder().decode(TransformRecord.self, from: Data(text.utf8)), expected)
    }

    func testMalformedRecordsAreRefused() {
        for text in [#"{}"#, #"{"spin": {"degrees": 3}}"#, #"{"blur": {"sigma": 1}, "noise": {"std": 0.1, "noiseSeed": 1}}"#] {
            XCTAssertThrowsError(try JSONDecoder().decode(TransformRecord.self, from: Data(text.utf8)), text) { error in
                XCTAssertTrue("\(error)".contains("exactly one of the keys flip, randomCrop"), "\(text): \(error)")
            }
        }
    }
}
