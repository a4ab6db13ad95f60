import Foundation
import NNEngine
@testable import NNImage
import XCTest

final class ReplayTests: XCTestCase {
    static let everything = "flip,vflip:0.3,rrc:48:0.2,jitter:0.4:0.4:0.4:0.1,pca:0.5,rotate:20|shear:15|stretch:1.3@0.8,translate:0.1,scale:0.8:1.2,lens:0.3,elastic:10:3,noise:0.05,blur:1.5,erase,center-crop:40,resize:24x20"

    func testReplayingTheRecordReproducesTheSampleExactly() throws {
        let image = TestImages.gradient()
        let augmentation = try Augmentation(parsingPipeline: Self.everything)
        var generator = RandomStream(seed: 21)
        for _ in 0..<10 {
            let (sample, record) = try augmentation.sample(image, using: &generator)
            XCTAssertEqual(sample.size, ImageSize(width: 24, height: 20))
            XCTAssertEqual(record.apply(to: image), sample, "replay differs")
            // Through JSON and back, as a figure's JSON would be read.
            let data = try JSONEncoder().encode(record)
            let decoded = try JSONDecoder().decode(TransformRecord.self, from: data)
            XCTAssertEqual(decoded, record)
            XCTAssertEqual(decoded.apply(to: image), sample, "replay from JSON differs")
        }
    }

    func testSeedsAreDeterministic() throws {
        let image = TestImages.gradient()
        let augmentation = try Augmentation(parsingPipeline: Self.everything)
        func run(_ seed: UInt64) throws -> [TransformRecord] {
            var generator = RandomStream(seed: seed)
            return try (0..<5).map { _ in try augmentation.sample(image, using: &generator).record }
        }
        XCTAssertEqual(try run(3), try run(3))
        XCTAssertNotEqual(try run(3), try run(4))
    }

    func testPipelineErrorsSayWhere() {
        let cases: [(String, [String])] = [
            ("flip,crp:224", ["pipeline 'flip,crp:224'", "step 2 'crp:224' (character 6)", "unknown transform 'crp'"]),
            ("flip,,jitter:0.4", ["step 2", "empty step"]),
            ("crop:abc", ["step 1", "'abc' is not a whole number"]),
            ("flip:1.5", ["flip probability 1.5 is outside [0, 1]"]),
            ("blur:2@1.2", ["probability 1.2 is outside [0, 1]"]),
            ("jitter:0.4:0.1", ["'jitter' takes J or B:C:S[:H]"]),
            ("jitter:0.1:0.1:0.1:0.9", ["hue 0.9 is outside [0, 0.5]"]),
            ("rotate", ["'rotate' takes 1 arguments, got 0"]),
        ]
        for (text, fragments) in cases {
            XCTAssertThrowsError(try Augmentation(parsingPipeline: text)) { error in
                let message = (error as? LabError)?.message ?? "\(error)"
                for fragment in fragments { XCTAssertTrue(message.contains(fragment), "'\(text)': '\(message)' lacks '\(fragment)'") }
            }
        }
    }

    func testPipelineStepFailingOnTheImageNamesTheStep() throws {
        let augmentation = try Augmentation(parsingPipeline: "flip,crop:100")
        var generator = RandomStream(seed: 0)
        XCTAssertThrowsError(try augmentation.sample(TestImages.gradient(), using: &generator)) {
            XCTAssertEqual(($0 as? LabError)?.message, "pipeline step 2: crop 100×100 is larger than the 64×48 image")
        }
    }
}
