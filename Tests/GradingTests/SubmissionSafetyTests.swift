import Foundation
import NNEngine
import XCTest
@testable import Grading

/// Hostile and broken submissions: each is rejected with a clear message and zero points, and
/// nothing is ever executed or crashes.
final class SubmissionSafetyTests: XCTestCase {
    let shapes: [(key: String, shape: [Int])] = [("a", [2, 2]), ("s", [])]
    let course = CourseFile()

    func read(_ text: String, course: CourseFile? = nil) -> Submission {
        Submission.parse(Array(text.utf8), expecting: shapes, course: course ?? self.course)
    }

    func message(_ submission: Submission, _ key: String) -> String {
        if case .failure(let problem)? = submission.arrays[key] {
            if case .wrongShape(let got, _) = problem { return "wrong shape \(got)" }
            return problem.message
        }
        return "ok"
    }

    func testValidSubmission() {
        let s = read(#"{"a": [[1, 2.5], [-3e-2, 4]], "s": 0.5, "note": "hi"}"#)
        XCTAssertNil(s.fileError)
        XCTAssertEqual(try s.arrays["a"]?.get(), Tensor(shape: [2, 2], scalars: [1, 2.5, -0.03, 4]))
        XCTAssertEqual(try s.arrays["s"]?.get(), Tensor(shape: [], scalars: [0.5]))
        XCTAssertEqual(s.unexpectedKeys, ["note"])
        XCTAssertEqual(try read(#"{"a": [[1, 2], [3, 4]], "s": [7]}"#).arrays["s"]?.get().scalars, [7])
    }

    func testMalformedJSONReportsLineAndColumn() {
        let s = read("{\n  \"a\": [[1, 2],\n        [3 4]]\n}")
        XCTAssertEqual(s.fileError, "malformed JSON at line 3, column 12: expected ',' or ']' in array")
        XCTAssertEqual(message(s, "a"), s.fileError)
        XCTAssertTrue(read("").fileError!.contains("line 1, column 1"))
        XCTAssertTrue(read(#"{"a": 1,}"#).fileError!.contains("expected a key"))
        XCTAssertTrue(read(#"{"a": 01}"#).fileError!.contains("unexpected text") || read(#"{"a": 01}"#).fileError!.contains("expected ','"))
        XCTAssertTrue(read(#"{"a": 1} x"#).fileError!.contains("after the JSON value"))
        XCTAssertTrue(read(#"{"a": 1, "a": 2}"#).fileError!.contains("duplicate key \"a\""))
        XCTAssertTrue(read("[1, 2]").fileError!.contains("must be a JSON object"))
        XCTAssertTrue(read("{\"a\": \"\u{01}\"}").fileError!.contains("control character"))
    }

    func testNaNAndInfinityAreRejectedIncludingPythonTokens() {
        for token in ["NaN", "Infinity", "-Infinity"] {
            let s = read("{\"a\": [[1, \(token)], [3, 4]], \"s\": 1}")
            XCTAssertTrue(s.fileError?.contains("NaN and Infinity are not numbers") ?? false, "\(token): \(String(describing: s.fileError))")
        }
        XCTAssertTrue(read(#"{"s": 1e999}"#).fileError!.contains("out of the range of a double"))
        XCTAssertTrue(read(#"{"s": nan}"#).fileError!.contains("NaN and Infinity"))
        XCTAssertTrue(read(#"{"s": nul}"#).fileError!.contains("invalid literal"))
    }

    func testDeepNestingIsRefusedWithoutRecursingFurther() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let s = read("{\"a\": \(deep)}")
        XCTAssertTrue(s.fileError!.contains("nesting deeper than 64 levels"), s.fileError!)
        XCTAssertTrue(s.fileError!.contains("line 1, column"))
    }

    func testOversizedSubmissionIsRejectedBeforeParsing() throws {
        var small = CourseFile()
        small.maxSubmissionBytes = 1000
        let text = "{\"a\": [" + Array(repeating: "1", count: 1000).joined(separator: ",") + "]}"
        XCTAssertTrue(read(text, course: small).fileError!.contains("over the 1000-byte limit"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-big-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let big = Submission.read(url, expecting: shapes, course: small).fileError!
        XCTAssertTrue(big.contains("the limit is 1000 bytes"), big)
        XCTAssertFalse(big.contains(url.deletingLastPathComponent().path), "messages name the file, not the grader's folders: \(big)")
        XCTAssertTrue(Submission.read(url.appendingPathExtension("missing"), expecting: shapes, course: small).fileError!.contains("does not exist"))
    }

    func testWrongTypesShapesAndMissingKeys() {
        let s = read(#"{"a": "[[1, 2], [3, 4]]"}"#)
        XCTAssertEqual(message(s, "a"), "expected an array of numbers of shape [2, 2]: expected a number, got a string")
        XCTAssertEqual(message(s, "s"), "missing")
        XCTAssertEqual(message(read(#"{"a": [[1, 2], [3]], "s": 1}"#), "a"),
                       "expected an array of numbers of shape [2, 2]: ragged array: 1 elements at index [1] where the first has 2")
        XCTAssertEqual(message(read(#"{"a": [[1, null], [3, 4]], "s": 1}"#), "a"),
                       "expected an array of numbers of shape [2, 2]: expected a number at index [0, 1], got null")
        XCTAssertEqual(message(read(#"{"a": [1, 2, 3, 4], "s": 1}"#), "a"), "wrong shape [4]")
        XCTAssertEqual(message(read(#"{"a": [[1, 2], [3, 4]], "s": {"v": 1}}"#), "s"),
                       "expected an array of numbers of shape []: expected a number, got an object")
    }

    func testStringsAndEscapesParse() throws {
        let value = try JSONParser().parse(Array(#"{"k\u00e9\n": ["\ud83d\ude00", "\\"], "t": true, "f": false, "n": null}"#.utf8))
        XCTAssertEqual(value["k\u{e9}\n"], .array([.string("😀"), .string("\\")]))
        XCTAssertEqual(value["t"], .bool(true))
        XCTAssertEqual(value["n"], .null)
    }

    /// A high surrogate followed by anything but a low one is U+FFFD, and the second escape
    /// stands for itself; before, a second high surrogate underflowed `low − 0xDC00` and trapped.
    func testBrokenSurrogatePairsAreReplacementCharacters() throws {
        let value = try JSONParser().parse(Array(#"{"a": "\ud83d\ud83d", "b": "\ud83d\u0041", "c": "\ude00x"}"#.utf8))
        XCTAssertEqual(value["a"], .string("\u{FFFD}\u{FFFD}"))
        XCTAssertEqual(value["b"], .string("\u{FFFD}A"))
        XCTAssertEqual(value["c"], .string("\u{FFFD}x"))
    }

    func testStudentIDsRefusePathTraversal() throws {
        for bad in ["../etc", "a/b", "..", ".hidden", "-rf", "a\\b", "a b", "x\u{0}y", String(repeating: "a", count: 65), "", "é"] {
            XCTAssertThrowsError(try StudentID(bad), bad)
        }
        for good in ["alice", "s.12345", "jane_doe-2", "bob@uni.edu"] { XCTAssertEqual(try StudentID(good).value, good) }
        let roster = try Roster(text: "student,name\nalice,A\n../../x,B\nalice,C\n\nbob\n")
        XCTAssertEqual(roster.students.map(\.value), ["alice", "bob"])
        XCTAssertEqual(roster.rejected.map(\.line), [3, 4])
        XCTAssertThrowsError(try Roster(text: "student\n../x\n"))
    }

    func testCourseKeySeedsAreStableAndKeyed() throws {
        let key = CourseKey(bytes: Array("k".utf8))
        let alice = try StudentID("alice")
        XCTAssertEqual(key.seed(exercise: "dropout", student: alice), key.seed(exercise: "dropout", student: alice))
        XCTAssertNotEqual(key.seed(exercise: "dropout", student: alice), key.seed(exercise: "batchnorm", student: alice))
        XCTAssertNotEqual(key.seed(exercise: "dropout", student: alice), CourseKey(bytes: Array("K".utf8)).seed(exercise: "dropout", student: alice))
        // FNV-1a-64 reference vectors (Fowler/Noll/Vo test suite).
        XCTAssertEqual(CourseKey.fnv1a([]), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(CourseKey.fnv1a(Array("a".utf8)), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(CourseKey.fnv1a(Array("foobar".utf8)), 0x8594_4171_f739_67e8)
    }
}

extension SubmissionSafetyTests {
    func testOnlyRegularFilesAreRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertTrue(Submission.read(folder, expecting: shapes, course: course).fileError!.contains("is a folder"))
        let link = folder.appendingPathComponent("zero.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
        XCTAssertTrue(Submission.read(link, expecting: shapes, course: course).fileError!.contains("is a symbolic link"))
    }
}
