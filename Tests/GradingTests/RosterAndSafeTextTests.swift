import Foundation
import NNEngine
import XCTest
@testable import Grading

/// Rosters as LMSs export them (RFC 4180, header rows, BOM), and text from students made safe for
/// the terminal, Markdown and spreadsheets.
final class RosterAndSafeTextTests: XCTestCase {
    func testQuotedCommasAndDoubledQuotesFollowRFC4180() throws {
        let roster = try Roster(text: "student,name\r\nann,\"Doe, Ann\"\r\n\"ben\",\"Say \"\"hi\"\"\"\r\ncat,\"two\nlines\"\r\ndan,D\r\n")
        XCTAssertEqual(roster.students.map(\.value), ["ann", "ben", "cat", "dan"])
        XCTAssertTrue(roster.rejected.isEmpty)
        let records = Roster.records("a,\"b,c\",\"d\"\"e\"\nf")
        XCTAssertEqual(records.map(\.fields), [["a", "b,c", "d\"e"], ["f"]])
        XCTAssertEqual(records.map(\.line), [1, 2])
    }

    func testLMSHeaderRowsPickTheIDColumn() throws {
        // Gradescope's roster export.
        let gradescope = try Roster(text: "Name,SID,Email\n\"Doe, Ann\",a123,ann@example.edu\n\"Roe, Ben\",b456,ben@example.edu\n")
        XCTAssertEqual(gradescope.students.map(\.value), ["a123", "b456"])
        XCTAssertEqual(try Roster(text: "First Name,Last Name,SID,Email,Role\nAnn,Doe,a1,a@x.edu,Student\n").students.map(\.value), ["a1"])
        // Canvas's gradebook export: the "Points Possible" row has no ID and is reported, not graded.
        let canvas = try Roster(text: "Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n\"Doe, Ann\",101,a123,ann,S1\n")
        XCTAssertEqual(canvas.students.map(\.value), ["a123"])
        XCTAssertEqual(canvas.rejected.map(\.line), [2])
        XCTAssertTrue(canvas.rejected[0].reason.contains("no student ID in the column 'SIS User ID'"), canvas.rejected[0].reason)
        // No header: the first column, first row included.
        XCTAssertEqual(try Roster(text: "ann\nben\n").students.map(\.value), ["ann", "ben"])
    }

    func testByteOrderMarkIsAcceptedInRosterAndSubmission() throws {
        XCTAssertEqual(try Roster(text: "\u{FEFF}student\nann\n").students.map(\.value), ["ann"])
        XCTAssertEqual(try Roster(text: "\u{FEFF}ann\n").students.map(\.value), ["ann"])
        let submission = Submission.parse(Submission.byteOrderMark + Array(#"{"s": 2}"#.utf8), expecting: [("s", [])], course: CourseFile())
        XCTAssertNil(submission.fileError)
        XCTAssertEqual(try submission.arrays["s"]?.get().scalars, [2])
        let utf16 = Submission.parse(Array(#"{"s": 2}"#.data(using: .utf16)!), expecting: [("s", [])], course: CourseFile())
        XCTAssertTrue(utf16.fileError!.contains("UTF-16"), utf16.fileError!)
    }

    func testTerminalTextHasNoControlCharactersAndIsCut() {
        let hostile = "a\u{1B}[2J\u{1B}]0;title\u{07}b\r\nc\u{202E}d\u{9B}e"
        let safe = SafeText.terminal(hostile)
        XCTAssertEqual(safe, "a?[2J?]0;title?b??c?d?e")
        XCTAssertFalse(safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        let long = SafeText.terminal(String(repeating: "k", count: 5000), limit: 40)
        XCTAssertEqual(long.count, 41)
        XCTAssertTrue(long.hasSuffix("…"))
    }

    func testMarkdownEscapesTablesLinksAndHTML() {
        XCTAssertEqual(SafeText.markdown("a|b [x](http://e) <img>"), "a\\|b \\[x\\]\\(http://e\\) \\<img\\>")
    }

    func testStudentTextInFeedbackIsEscapedEverywhere() throws {
        let exercise = SoftmaxLossExercise()
        let student = try StudentID("mallory")
        let inputs = Grader.problem(exercise, student: student, key: .practice)
        let reference = exercise.reference(for: inputs)
        // A duplicate key is quoted in the parse error, so its text reaches every file.
        let text = #"{"<img src=x onerror=alert(1)>|\u001b[2J\u0007": 1, "<img src=x onerror=alert(1)>|\u001b[2J\u0007": 2}"#
        let submission = Submission.parse(Array(text.utf8), expecting: Grader.expectedShapes(exercise, reference: reference), course: CourseFile())
        let report = Grader().grade(exercise, student: student, inputs: inputs, reference: reference, submission: submission)
        XCTAssertTrue(report.fileError!.contains("duplicate key"), report.fileError!)
        let markdown = FeedbackText.markdown(report, exercise: exercise)
        // Escaped with a backslash, "<img" and "|" are text: no unescaped one may remain.
        XCTAssertNil(markdown.range(of: #"(?<!\\)<img"#, options: .regularExpression), markdown)
        XCTAssertNil(markdown.range(of: #"(?<!\\)>(?<!\\)\|"#, options: .regularExpression), "a cell split by the student's |")
        XCTAssertTrue(markdown.contains(#"\<img"#), markdown)
        let results = try String(decoding: JSONEncoder().encode(GradescopeResults(report)), as: UTF8.self)
        for shown in [FeedbackText.summary(report), markdown, results] {
            XCTAssertFalse(shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, shown)
        }
        XCTAssertFalse(results.contains("\\u001b"), results)
    }

    func testCSVCellsFollowOWASPAndRFC4180() {
        XCTAssertEqual(SafeText.csvCell("s001"), "s001")
        XCTAssertEqual(SafeText.csvCell("=HYPERLINK(\"http://e\")"), "\"'=HYPERLINK(\"\"http://e\"\")\"")
        XCTAssertEqual(SafeText.csvCell("@sum"), "\"'@sum\"")
        XCTAssertEqual(SafeText.csvCell("+1"), "\"'+1\"")
        XCTAssertEqual(SafeText.csvCell("-1"), "\"'-1\"")
        XCTAssertEqual(SafeText.csvCell("a, b"), "\"a, b\"")
        XCTAssertEqual(SafeText.csvCell("line\nbreak"), "line?break")
    }

    func testSubmissionLimitsAreCheckedBeforeAllocating() {
        let course = CourseFile()
        // 33 levels of pairs: 141 bytes claiming 2^33 elements (64 GB of doubles).
        let pairs = "{\"a\": " + String(repeating: "[", count: 33) + "1" + String(repeating: ",0]", count: 33) + "}"
        // 40 levels of triples: 3^40 overflows Int.
        let triples = "{\"a\": " + String(repeating: "[", count: 40) + "1" + String(repeating: ",0,0]", count: 40) + "}"
        for text in [pairs, triples] {
            let s = Submission.parse(Array(text.utf8), expecting: [("a", [2, 2])], course: course)
            guard case .failure(.wrongType(let why))? = s.arrays["a"] else { return XCTFail("accepted \(text.prefix(20))") }
            XCTAssertTrue(why.contains("of more than 131072 elements"), why)
        }
        var small = CourseFile()
        small.maxElements = 10
        let flood = "{\"a\": [" + Array(repeating: "0", count: 11).joined(separator: ",") + "]}"
        XCTAssertTrue(Submission.parse(Array(flood.utf8), expecting: [("a", [11])], course: small).fileError!.contains("more than 10 values"))
    }

    func testSingleNumbersAreNotCalledOffByAFactorUnlessTheFactorIsWhole() {
        XCTAssertNil(MistakeDetector.detect(key: "loss", submitted: .scalar(1.234), reference: .scalar(2.0), named: [], floor: 1e-3))
        XCTAssertEqual(MistakeDetector.detect(key: "loss", submitted: .scalar(16.0), reference: .scalar(2.0), named: [], floor: 1e-3)?.kind,
                       .constantFactor)
    }
}
