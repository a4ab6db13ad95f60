/// `results.json` in Gradescope's autograder schema (gradescope-autograder docs, "Output format"),
/// which most LMS importers read as well: a total `score` and one entry per test.
///
/// No `execution_time`: the file must be byte-identical for the same submission.
public struct GradescopeResults: Codable, Equatable, Sendable {
    public struct Test: Codable, Equatable, Sendable {
        public var name: String
        public var number: String
        public var score: Double
        public var max_score: Double
        /// `passed` (full credit) or `failed`.
        public var status: String
        public var output: String
        public var visibility: String
    }

    public var score: Double
    public var max_score: Double
    public var output: String
    public var visibility: String
    public var stdout_visibility: String
    public var tests: [Test]

    /// Results from their parts (a submission that could not be graded at all).
    init(score: Double, max_score: Double, output: String, visibility: String, stdout_visibility: String, tests: [Test]) {
        self.score = score
        self.max_score = max_score
        self.output = output
        self.visibility = visibility
        self.stdout_visibility = stdout_visibility
        self.tests = tests
    }

    /// The results of one graded submission.
    public init(_ report: GradeReport) {
        tests = report.tests.enumerated().map { i, test in
            Test(name: test.name, number: "\(i + 1)", score: test.score, max_score: test.maxScore,
                 status: test.passed ? "passed" : "failed", output: FeedbackText.testOutput(test, reveal: report.revealsReference),
                 visibility: "visible")
        }
        score = report.score
        max_score = report.maxScore
        output = FeedbackText.headline(report)
        visibility = "visible"
        stdout_visibility = "hidden"
    }
}
