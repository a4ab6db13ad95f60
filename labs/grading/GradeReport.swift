import NNEngine

/// The outcome of grading one submission: plain values, ready to be written by
/// `FeedbackReport` (results.json, feedback.md, feedback.png) and summarized on screen.
public struct GradeReport: Sendable {
    /// One output's grade.
    public struct Test: Sendable {
        /// Shown to the student, e.g. "dW: gradient of the weights [4, 3]".
        public let name: String
        public let key: String
        public let maxScore: Double
        public let score: Double
        /// The comparison, when the array could be compared at all.
        public let error: RelativeError?
        /// The band the error fell in (its label), if any.
        public let band: String?
        /// Why the array could not be compared (missing, wrong shape, malformed file).
        public let problem: String?
        /// The named or generic mistake recognized, if any.
        public let finding: MistakeDetector.Finding?
        /// The submitted values (when readable, in the submitted shape) and the reference.
        public let submitted: Tensor?
        public let reference: Tensor
        /// The position of the band the error fell in, among the bands sorted by bound
        /// (0 = the tightest; the band count = past the last band); `nil` when not compared.
        public var bandIndex: Int? = nil
        /// The same per element, row-major, for the figure drawn while the reference is withheld.
        public var elementBands: [Int]? = nil
        /// The bound of each band, in the order of `bandIndex`, for "1e-4 … 1e-2".
        public var bandBounds: [Double] = []

        public var passed: Bool { score >= maxScore }
    }

    public let exercise: String
    public let student: String
    public let tests: [Test]
    /// Set when the whole file was unusable.
    public let fileError: String?
    public let unexpectedKeys: [String]
    /// The problem's inputs, for pictures.
    public let inputs: NamedArrays
    /// Whether reference values may be printed (course file, after the deadline).
    public let revealsReference: Bool
    /// Whether the problem came from the public practice key (no course key was given).
    public var practiceKey: Bool = false

    public var score: Double { tests.reduce(0) { $0 + $1.score } }
    public var maxScore: Double { tests.reduce(0) { $0 + $1.maxScore } }
}
