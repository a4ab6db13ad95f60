/// How an optimizer run on a test function ended: a typed value a lab can put in its JSON and
/// legend, rather than a crash or a silently truncated curve.
public enum TrajectoryOutcome: Equatable, Codable, Sendable {
    /// Every requested step was taken.
    case completed(steps: Int)
    /// At update `step`, the loss or the point became NaN or ∞: the run blew up.
    case diverged(step: Int, loss: NonFiniteValue)
    /// At update `step`, the point left the domain the run was limited to (an unbounded function
    /// such as the saddle, where `f → −∞` and the run would otherwise go on forever).
    case leftDomain(step: Int)

    /// The kind of non-finite number a diverged loss became (kept as a name, not a `Double`, so the
    /// outcome is `Equatable` and encodes to plain JSON).
    public enum NonFiniteValue: String, Codable, Sendable {
        case nan = "NaN"
        case plusInfinity = "+∞"
        case minusInfinity = "−∞"

        /// The kind of `value`, which must not be finite.
        public init(_ value: Double) {
            precondition(!value.isFinite, "\(value) is finite")
            self = value.isNaN ? .nan : (value > 0 ? .plusInfinity : .minusInfinity)
        }
    }

    /// `true` unless the run diverged.
    public var isFinite: Bool {
        if case .diverged = self { return false }
        return true
    }

    /// The one-line report: "completed 500 steps", "loss became NaN at step 37: learning rate too
    /// high?", "left the domain at step 42".
    public var message: String {
        switch self {
        case .completed(let steps): return "completed \(steps) steps"
        case .diverged(let step, let loss): return "loss became \(loss.rawValue) at step \(step): learning rate too high?"
        case .leftDomain(let step): return "left the domain at step \(step)"
        }
    }

    /// Throws `LabError(message)` if the run diverged, for labs that treat it as the user's error.
    public func requireFinite() throws {
        if !isFinite { throw LabError(message) }
    }
}
