import NNEngine

/// One graded exercise: how its per-student problem is drawn, the reference computation (with
/// the engine), what the student must submit, and the typical mistakes to recognize.
///
/// An exercise never sees a submission: the grader compares what the student submitted with
/// `reference(for:)` and with each `mistakes(for:)` answer. Each conforming type lives in its
/// own file under `Exercises/`.
public protocol Exercise: Sendable {
    /// The name on the command line, e.g. `affine-backward`.
    var name: String { get }
    /// A one-line title.
    var title: String { get }
    /// The lecture and topic the exercise goes with, e.g. `000 backpropagation`.
    var lecture: String { get }
    /// What to compute, with the formulas, in Markdown: the body of the problem's README.
    var instructions: String { get }
    /// The arrays to submit, with their points.
    var outputs: [OutputSpec] { get }

    /// The inputs for one student, drawn from `generator` (seeded from the course key).
    func makeProblem(using generator: inout Xoshiro256StarStar) -> NamedArrays

    /// The correct outputs for `inputs`, computed with the engine: one tensor per output key.
    func reference(for inputs: NamedArrays) -> NamedArrays

    /// The typical wrong answers for `inputs`: each replaces one or more outputs.
    func mistakes(for inputs: NamedArrays) -> [Mistake]

    /// A natural picture of the submission, if the exercise has one (else a scatter is drawn).
    func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture?
}

extension Exercise {
    public func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture? { nil }

    /// The total points.
    public var points: Double { outputs.reduce(0) { $0 + $1.points } }

    /// The expected shape of every output for `inputs`.
    public func shapes(for inputs: NamedArrays) -> [String: [Int]] {
        var shapes: [String: [Int]] = [:]
        for entry in reference(for: inputs).entries { shapes[entry.name] = entry.value.shape }
        return shapes
    }
}

/// One array the student submits, graded as one test.
public struct OutputSpec: Sendable, Equatable {
    /// The submission key, e.g. `dW`.
    public let key: String
    /// What it is, for the README and the test name.
    public let description: String
    public let points: Double
    /// Replaces the course's bands for this output (e.g. a numerical gradient is only as exact as
    /// its method allows); `nil` uses the course's.
    public let bands: [ScoreBand]?

    public init(_ key: String, _ description: String, points: Double = 1, bands: [ScoreBand]? = nil) {
        self.key = key
        self.description = description
        self.points = points
        self.bands = bands
    }
}

/// A typical wrong answer, named so that feedback can say what probably went wrong.
public struct Mistake: Sendable {
    /// The family of the mistake, which the grader also detects generically.
    public enum Kind: String, Sendable {
        /// Off by a constant factor: forgot to divide by N, by p, by 2.
        case constantFactor = "off by a constant factor"
        /// Rows and columns swapped.
        case transposed
        /// The negative of the right answer.
        case wrongSign = "wrong sign"
        /// A bias gradient left per example instead of summed over the batch.
        case biasNotSummed = "bias gradient not summed over the batch"
        /// The right numbers in the wrong layout.
        case wrongShape = "wrong shape"
        /// Anything else with a name: wrong formula, wrong convention.
        case formula = "wrong formula"
    }

    public let kind: Kind
    /// What feedback says when the submission matches this answer, e.g. "dW is 8× too large:
    /// did you forget to divide by N = 8?".
    public let hint: String
    /// The wrong outputs this mistake produces (keys it does not affect are left out).
    public let answers: NamedArrays

    public init(_ kind: Kind, hint: String, answers: NamedArrays) {
        self.kind = kind
        self.hint = hint
        self.answers = answers
    }

    /// Convenience for a mistake that changes one output.
    public init(_ kind: Kind, hint: String, key: String, value: Tensor) {
        self.init(kind, hint: hint, answers: NamedArrays([(key, value)]))
    }
}
