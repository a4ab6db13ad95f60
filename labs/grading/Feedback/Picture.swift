import NNEngine

/// The natural picture of an exercise's submission, drawn in `feedback.png` instead of the
/// generic student-against-reference scatter. Plain values: the report step turns them into
/// a figure.
public enum Picture: Sendable {
    /// Curves `y(x)` per panel: the student's values over the reference curve (activations).
    case curves(panels: [CurvePanel])
    /// A 2-D optimization path over the contours of a test function (Beale).
    case trajectory(student: [[Double]], reference: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>)
    /// RGB images of 0…255 values (flip-crop): the `input` image [H, W, 3], then each output
    /// image as the reference has it and as submitted.
    case images(input: Tensor, outputs: [ImageOutput])

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

    /// One output image of `images`.
    public struct ImageOutput: Sendable {
        public let name: String
        /// [h, w, 3], values 0…255.
        public let reference: Tensor
        /// The submitted values in the shape they were submitted in (it may be wrong), or `nil`
        /// when the output is missing or unreadable.
        public let student: Tensor?
        /// A window to outline on both images, e.g. where the crop is taken from `flipped`.
        public let window: PixelRect?
        /// What the window is, for the panel title, e.g. "the crop's window".
        public let windowLabel: String
        public init(name: String, reference: Tensor, student: Tensor?, window: PixelRect? = nil, windowLabel: String = "window") {
            self.name = name
            self.reference = reference
            self.student = student
            self.window = window
            self.windowLabel = windowLabel
        }
    }
}
