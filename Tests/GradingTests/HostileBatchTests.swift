import Foundation
import LabTestSupport
import NNEngine
import NNRender
import XCTest
@testable import Grading

/// A class of 300 mixing valid and hostile submissions grades in one batch: no crash, a
/// gradebook row for every roster student, each hostile file scored 0 (or full, when it is a
/// correct answer in a BOM) with a reason, no link followed, nothing unescaped in the gradebook.
final class HostileBatchTests: XCTestCase {
    func testThreeHundredHostileAndValidSubmissionsGradeInOneBatch() throws {
        let root = try makeTemporaryFolder("hostile")
        let exercise = BatchNormExercise()
        let key = CourseKey(bytes: Array("hostile-key".utf8))
        let rosterURL = try HostileClass.write(exercise, count: 300, key: key, to: root)
        let roster = try Roster(contentsOf: rosterURL)
        XCTAssertEqual(roster.students.count, 300, "\(roster.rejected)")
        XCTAssertTrue(roster.rejected.isEmpty, "\(roster.rejected)")
        let out = root.appendingPathComponent("grades")
        let submissions = root.appendingPathComponent("submissions")
        let entries = try BatchGrading(exercise: exercise, grader: Grader(), key: key)
            .run(roster: roster, submissions: submissions, out: out, renderer: FigureRenderer())
        XCTAssertEqual(entries.map(\.student), roster.students)

        let gradebook = try String(contentsOf: out.appendingPathComponent("gradebook.csv"))
        let rows = gradebook.split(separator: "\n")
        XCTAssertEqual(rows.count, 301)
        XCTAssertFalse(rows.contains { "=+-@".contains($0.first!) }, "a row starts a formula")
        XCTAssertTrue(rows.contains { $0.hasPrefix("\"'@sum\",9,9,") }, "the formula-like ID is defused and still graded")
        XCTAssertFalse(gradebook.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters in the gradebook")
        for id in HostileClass.specialIDs {
            let entry = try XCTUnwrap(entries.first { $0.student.value == id })
            XCTAssertEqual(entry.score, 9, id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("students/\(id)/results.json").path), id)
        }
        XCTAssertGreaterThan(try Data(contentsOf: out.appendingPathComponent("scores.json")).count, 0)

        // Each hostile kind: its score and the reason in the gradebook.
        let regular = (300 - HostileClass.specialIDs.count) / 2
        for i in regular..<(300 - HostileClass.specialIDs.count) {
            let entry = entries[i]
            let kind = HostileClass.Kind.allCases[(i - regular) % HostileClass.Kind.allCases.count]
            let problem = [entry.submissionError, entry.error].compactMap { $0 }.joined(separator: "; ")
            switch kind {
            case .byteOrderMark, .controlKeys:
                XCTAssertEqual(entry.score, 9, "\(kind) \(entry.student): \(problem)")
            case .linkOutside:
                XCTAssertEqual(entry.score, 0); XCTAssertTrue(problem.contains("symbolic link"), "\(kind): \(problem)")
            case .linkedFolder:
                XCTAssertEqual(entry.score, 0); XCTAssertTrue(problem.contains("outside the submissions folder"), "\(kind): \(problem)")
            case .fifo:
                XCTAssertEqual(entry.score, 0); XCTAssertTrue(problem.contains("not a regular file"), "\(kind): \(problem)")
            case .valueFlood:
                XCTAssertEqual(entry.score, 0); XCTAssertTrue(problem.contains("more than 131072 values"), "\(kind): \(problem)")
            case .utf16:
                XCTAssertEqual(entry.score, 0); XCTAssertTrue(problem.contains("the file is UTF-16"), "\(kind): \(problem)")
            case .nestedPairs, .nestedTriples, .hugeFactor, .tinyFactor, .extremeValues:
                XCTAssertEqual(entry.score, 0, "\(kind) \(entry.student)")
                XCTAssertNil(entry.error, "\(kind): \(problem)")
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("students/\(entry.student)/feedback.md").path))
        }
        // The huge factor is named as a factor, without trapping on Int(1e20).
        let huge = regular + HostileClass.Kind.allCases.firstIndex(of: .hugeFactor)!
        let feedback = try String(contentsOf: out.appendingPathComponent("students/\(entries[huge].student)/feedback.md"))
        XCTAssertTrue(feedback.contains("constant factor of 1e+20"), feedback)
        // The 2^33 claim is refused before allocating, with the reason.
        let nested = regular + HostileClass.Kind.allCases.firstIndex(of: .nestedPairs)!
        let nestedText = try String(contentsOf: out.appendingPathComponent("students/\(entries[nested].student)/results.json"))
        XCTAssertTrue(nestedText.contains("of more than 131072 elements"), nestedText)

        // Nothing from behind a link reaches any feedback; no control character reaches any text file.
        let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where ["md", "json", "csv"].contains(url.pathExtension) {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let text = try String(contentsOf: url)
            XCTAssertFalse(text.contains(HostileClass.secret), url.path)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D }, url.path)
        }

        // The miscased and the unknown file are reported, not ignored.
        let unmatched = BatchGrading.unmatchedSubmissions(in: submissions, roster: roster)
        XCTAssertEqual(unmatched, [.init(name: "S001.json", caseOnlyMatch: "s001"), .init(name: "stranger.json", caseOnlyMatch: nil)])
    }

    func testLabGradeWarnsAboutUnmatchedSubmissionsAndSkippedRosterLines() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("hostile-cli")
        let exercise = DropoutExercise()
        let keyFile = root.appendingPathComponent("course.key")
        try Data("cli-key\n".utf8).write(to: keyFile)
        let roster = try HostileClass.write(exercise, count: 40, key: try CourseKey(contentsOf: keyFile), to: root)
        try Data((try String(contentsOf: roster) + "bad id,\"x\"\r\n,Points Possible,\r\n").utf8).write(to: roster)
        let out = root.appendingPathComponent("grades")
        let run = try LabBinary.run(["grade", exercise.name, "--submissions", root.appendingPathComponent("submissions").path,
                                     "--roster", roster.path, "--course-key", keyFile.path, "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("graded 40 students"), run.stdout)
        XCTAssertTrue(run.stderr.contains("submission 'S001.json' differs only in case from roster ID 's001'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("submission 'stranger.json' matches no roster ID"), run.stderr)
        XCTAssertTrue(run.stderr.contains("roster line 42 skipped"), run.stderr)
        XCTAssertTrue(run.stderr.contains("roster line 43 skipped: no student ID"), run.stderr)
        XCTAssertFalse(run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "escape sequences reached the terminal")
        XCTAssertFalse(run.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "escape sequences reached the terminal")

        let make = try LabBinary.run(["exercise", "make", exercise.name, "--roster", roster.path, "--course-key", keyFile.path,
                                      "--out", root.appendingPathComponent("problems").path])
        XCTAssertEqual(make.status, 0, make.stderr)
        XCTAssertTrue(make.stderr.contains("roster line 42 skipped"), make.stderr)
        XCTAssertTrue(make.stderr.contains("roster line 43 skipped"), make.stderr)
        let readme = try String(contentsOf: root.appendingPathComponent("problems/dropout/s001/README.md"))
        XCTAssertTrue(readme.contains("--student s001 --course-key course.key`"), readme)
    }
}

extension HostileBatchTests {
    /// Every hostile file against every exercise, with the reference withheld and revealed: a score,
    /// a report and a figure for each (the figures' data is built; drawing is gnuplot's business).
    func testEveryHostileKindIsGradedForEveryExerciseWithAndWithoutTheReference() throws {
        let root = try makeTemporaryFolder("hostile-kinds")
        let key = CourseKey(bytes: Array("kinds".utf8))
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(HostileClass.secret.utf8).write(to: outside.appendingPathComponent("secret.json"))
        for exercise in ExerciseCatalog.all {
            let submissions = root.appendingPathComponent("subs-\(exercise.name)")
            try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
            for (n, kind) in HostileClass.Kind.allCases.enumerated() {
                let student = try StudentID("h\(n)")
                let reference = exercise.reference(for: Grader.problem(exercise, student: student, key: key))
                let file = submissions.appendingPathComponent("\(student.value).json")
                try HostileClass.writeHostile(kind, exercise: exercise, reference: reference, file: file, student: student,
                                              submissions: submissions, outside: outside)
                for reveal in [false, true] {
                    let report = Grader(revealsReference: reveal).grade(exercise, student: student, key: key,
                                                                        submission: BatchGrading.submissionURL(for: student, in: submissions),
                                                                        within: submissions)
                    let expectFull = kind == .byteOrderMark || kind == .controlKeys
                    XCTAssertEqual(report.score, expectFull ? exercise.points : 0, "\(exercise.name) \(kind): \(FeedbackText.summary(report))")
                    let (_, data) = FeedbackFigure.make(report, exercise: exercise)
                    XCTAssertEqual(data.referenceWithheld, !reveal)
                    XCTAssertFalse(FeedbackText.markdown(report, exercise: exercise).contains(HostileClass.secret))
                }
            }
        }
    }
}
