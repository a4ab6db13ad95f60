/// The natural picture of an exercise's submission, drawn in `feedback.png` instead of the
/// generic student-against-reference scatter. Plain values: the report step turns them into
/// a figure.
public enum Picture: Sendable {
    /// Curves `y(x)` per panel: the student's values over the reference curve (activations).
    case curves(panels: [CurvePanel])
    /// A 2-D optimization path over the contours of a test function (Beale).
    case trajectory(student: [[Double]], reference: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>)

    /// One panel of `curves`: one or more named curves over the same x.
    public struct CurvePanel: Sendable {
        public let title: String
        public let curves: [Curve]
        public init(title: String, curves: [Curve]) {
            self.title = title
            self.curves = curves
        }
    }

    /// A reference curve `y(x)` and the submitted values at the same x, if readable.
    public struct Curve: Sendable {
        public let name: String
        public let x: [Double]
        public let reference: [Double]
        public let student: [Double]?
        public init(name: String, x: [Double], reference: [Double], student: [Double]?) {
            self.name = name
            self.x = x
            self.reference = reference
            self.student = student
        }
    }
}
