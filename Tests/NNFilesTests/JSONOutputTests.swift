import Foundation
import LabTestSupport
import NNEngine
import XCTest
@testable import NNFiles

/// JSON written beside figures: deterministic bytes, full precision, non-finite values as strings.
final class JSONOutputTests: XCTestCase {
    struct Sample: Codable, Equatable {
        var zeta: Double
        var alpha: [Double]
        var path: String
    }

    func testSameValueGivesByteIdenticalFilesWithSortedKeysAndNewline() throws {
        let folder = try makeTemporaryFolder("files")
        let value = Sample(zeta: 0.1 + 0.2, alpha: [1e-300, 123_456_789.123, -0.0], path: "a/b")
        let (a, b) = (folder.appendingPathComponent("a.json"), folder.appendingPathComponent("b.json"))
        try JSONOutput.write(value, to: a)
        try JSONOutput.write(value, to: b)
        let bytes = try Data(contentsOf: a)
        XCTAssertEqual(bytes, try Data(contentsOf: b))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n"), text)
        XCTAssertLessThan(text.range(of: "\"alpha\"")!.lowerBound, text.range(of: "\"zeta\"")!.lowerBound, "keys sorted")
        XCTAssertTrue(text.contains("\"a/b\""), "slashes not escaped: \(text)")
        XCTAssertEqual(try JSONDecoder().decode(Sample.self, from: bytes), value, "full precision round trip")
        XCTAssertEqual(folderContents(folder), ["a.json", "b.json"])
    }

    func testNonFiniteValuesAreStrings() throws {
        let data = try JSONOutput.encoder().encode([Double.nan, .infinity, -.infinity, 1.5])
        let text = String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
        XCTAssertEqual(text, "[\"nan\",\"inf\",\"-inf\",1.5]")
    }

    func testFigureFileIsNamedAmongTheSortedKeys() throws {
        let folder = try makeTemporaryFolder("files")
        let value = Sample(zeta: 1, alpha: [], path: "p")
        let url = folder.appendingPathComponent("a.json")
        try JSONOutput.write(value, to: url, figure: folder.appendingPathComponent("a.png"))
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, "{\n  \"alpha\" : [\n\n  ],\n  \"figureFile\" : \"a.png\",\n  \"path\" : \"p\",\n  \"zeta\" : 1\n}\n")
        XCTAssertEqual(try JSONDecoder().decode(Sample.self, from: Data(text.utf8)), value, "the document's own keys are intact")
    }
}
