import Foundation
import NNEngine
import NNFiles
import NNRender

/// Gradescope's autograder contract (gradescope-autograder docs, "Specifications"), as run by
/// `lab gradescope run`: Gradescope unpacks the bundle into `<root>/source/`, runs `setup.sh` once
/// when the image is built, and for each submission runs `<root>/run_autograder` with the files the
/// student uploaded in `<root>/submission/` and who they are in `<root>/submission_metadata.json`;
/// it then reads `<root>/results/results.json`. `<root>` is `/autograder` on Gradescope; the tests
/// pass a temporary folder.
///
/// The student's ID is the metadata's `sid` (the SID column of the Gradescope roster, which
/// `lab exercise make --roster` reads too), else the e-mail address; the problem is regenerated
/// from the course key for that ID and the uploaded JSON graded as `lab grade` would.
public struct GradescopeAutograder {
    public let exercise: any Exercise
    public let grader: Grader
    public let key: CourseKey
    public let root: URL

    public init(exercise: any Exercise, grader: Grader, key: CourseKey, root: URL) {
        self.exercise = exercise
        self.grader = grader
        self.key = key
        self.root = root
    }

    /// The largest metadata file read.
    static let maxMetadataBytes = 1 << 20

    /// What happened, for the log Gradescope keeps (stdout is hidden from students).
    public struct Outcome: Sendable {
        public let student: String?
        public let score: Double
        public let maxScore: Double
        /// Why nothing was graded (no metadata, no JSON uploaded), if so.
        public let problem: String?
    }

    /// Grades the uploaded submission and writes `results/results.json`. A submission that cannot
    /// be graded still gets a results.json with 0 points and the reason, so the student sees it.
    /// - Throws: `LabError` only when results.json cannot be written.
    @discardableResult
    public func run() throws -> Outcome {
        let results = root.appendingPathComponent("results")
        try AtomicFile.makeDirectory(results)
        let url = results.appendingPathComponent("results.json")
        let student: StudentID
        do { student = try studentID() } catch let error as LabError {
            try JSONOutput.write(Self.ungraded(exercise, reason: error.message), to: url)
            return Outcome(student: nil, score: 0, maxScore: exercise.points, problem: error.message)
        }
        let folder = root.appendingPathComponent("submission")
        let file: URL
        do { file = try submissionFile(in: folder) } catch let error as LabError {
            try JSONOutput.write(Self.ungraded(exercise, reason: error.message), to: url)
            return Outcome(student: student.value, score: 0, maxScore: exercise.points, problem: error.message)
        }
        let report = grader.grade(exercise, student: student, key: key, submission: file, within: folder)
        try JSONOutput.write(GradescopeResults(report), to: url)
        return Outcome(student: student.value, score: report.score, maxScore: report.maxScore, problem: report.fileError)
    }

    /// The student's ID from `submission_metadata.json`: the first user's `sid`, else `email`.
    func studentID() throws -> StudentID {
        let url = root.appendingPathComponent("submission_metadata.json")
        let data = try InputFile.read(url, what: "Gradescope metadata", limit: Self.maxMetadataBytes, links: .follow)
        let document: JSONValue
        do { document = try JSONParser().parse([UInt8](data)) } catch {
            throw LabError("Gradescope metadata \(url.lastPathComponent) is not valid JSON: \(error)")
        }
        guard case .array(let users)? = document["users"], let user = users.first else {
            throw LabError("Gradescope metadata has no \"users\": cannot tell whose problem to grade")
        }
        for field in ["sid", "email"] {
            switch user[field] {
            case .string(let text)? where !text.trimmingCharacters(in: .whitespaces).isEmpty: return try StudentID(text)
            // A roster tool may write a numeric SID as a number.
            case .number(let x)? where x == x.rounded() && abs(x) < 1e15: return try StudentID(String(Int64(x)))
            default: continue
            }
        }
        throw LabError("Gradescope metadata gives the student no SID or e-mail: add SIDs to the course roster")
    }

    /// The uploaded JSON: `submission.json` if there is one, else the only `*.json` file.
    func submissionFile(in folder: URL) throws -> URL {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        if names.contains("submission.json") { return folder.appendingPathComponent("submission.json") }
        let json = names.filter { $0.lowercased().hasSuffix(".json") }
        guard json.count == 1 else {
            let shown = json.prefix(5).map { SafeText.terminal($0, limit: 60) }.joined(separator: ", ")
            throw LabError(json.isEmpty ? "no .json file was uploaded: upload submission.json"
                           : "\(json.count) .json files were uploaded (\(shown)): upload one, named submission.json")
        }
        return folder.appendingPathComponent(json[0])
    }

    /// results.json for a submission that could not be graded: every test 0 with the reason,
    /// under the same test names as a graded one.
    static func ungraded(_ exercise: any Exercise, reason: String) -> GradescopeResults {
        let tests = exercise.outputs.enumerated().map { i, output in
            GradescopeResults.Test(name: "\(output.key): \(output.description)", number: "\(i + 1)", score: 0,
                                   max_score: output.points, status: "failed", output: SafeText.terminal(reason, limit: 300),
                                   visibility: "visible")
        }
        return GradescopeResults(score: 0, max_score: exercise.points, output: "\(exercise.name): not graded: \(SafeText.terminal(reason, limit: 300))",
                                 visibility: "visible", stdout_visibility: "hidden", tests: tests)
    }
}
