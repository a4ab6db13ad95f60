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
    func makeProblem(using generator: inout RandomStream) -> NamedArrays

    /// The correct outputs for `inputs`, computed with the engine: one tensor per output key.
    func reference(for inputs: NamedArrays) -> NamedArrays

    /// The typical wrong answers for `inputs`: each replaces one or more outputs.
    func mistakes(for inputs: NamedArrays) -> [Mistake]

    /// A natural picture of the submission, if the exercise has one (else a scatter is drawn).
    func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture?

    /// What of output `key` is graded, as a function of a value of the output's shape: the value
    /// itself (the default), or, for parameters after optimizer steps, the displacement from
    /// `w0`, so that a step of 1e-3 is judged against its own size and not against |w| ≈ 1.
    func graded(_ value: Tensor, key: String, inputs: NamedArrays) -> Tensor

    /// The size sᵢ of the terms each element of `key` is computed from, in the graded quantity
    /// (see `RelativeError`), where it exceeds the element itself: a cancellation such as
    /// `1 − tanh²` near saturation. `nil` (the default) for outputs that do not cancel.
    func roundingScale(of key: String, inputs: NamedArrays) -> Tensor?

    /// The inputs that are integers (labels, pixel offsets), loaded as such by the skeleton.
    var integerInputs: Set<String> { get }
}

extension Exercise {
    public func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture? { nil }
    public func graded(_ value: Tensor, key: String, inputs: NamedArrays) -> Tensor { value }
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? { nil }
    public var integerInputs: Set<String> { [] }

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
    /// The wrong outputs this mistake produces (keys it does not affect are left out). A mistake
    /// in one output that a later output is computed from lists both, so both name it.
    public let answers: NamedArrays
    /// The fraction of an output's points this mistake earns, the same for every student:
    /// the band its error happens to fall in depends on the student's numbers, the mistake
    /// does not. 0 by default; a numerical slip with the right method (a one-sided difference,
    /// the biased variance) earns half.
    public let credit: Double

    public init(_ kind: Kind, hint: String, answers: NamedArrays, credit: Double = 0) {
        precondition((0...1).contains(credit), "a mistake's credit is a fraction of the points")
        self.kind = kind
        self.hint = hint
        self.answers = answers
        self.credit = credit
    }

    /// Convenience for a mistake that changes one output.
    public init(_ kind: Kind, hint: String, key: String, value: Tensor, credit: Double = 0) {
        self.init(kind, hint: hint, answers: NamedArrays([(key, value)]), credit: credit)
    }
}
