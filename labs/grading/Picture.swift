/// The natural picture of an exercise's submission, drawn in `feedback.png` instead of the
/// generic student-against-reference scatter. Plain values: the report step turns them into
/// a figure.
public enum Picture: Sendable {
    /// Curves `y(x)` per panel: the student's values over the reference curve (activations).
    case curves(panels: [CurvePanel])
    /// A 2-D optimization path over the contours of a test function (Beale).
    case trajectory(student: [[Double]], reference: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>)

    /// One panel of `curves`.
    public struct CurvePanel: Sendable {
        public let title: String
        public let x: [Double]
        public let reference: [Double]
        public let student: [Double]?
        public init(title: String, x: [Double], reference: [Double], student: [Double]?) {
            self.title = title
            self.x = x
            self.reference = reference
            self.student = student
        }
    }
}
