import NNEngine

/// Exercise `beale-adam`: the first 20 Adam steps on Beale's function from a per-student start
/// (004 deck's optimizer animations; Kingma & Ba 2015), computed by the engine's
/// `Trajectory.run` with `Adam` on `TestFunction.beale`.
///
/// Inputs: `start` [2], `lr`, `beta1`, `beta2`, `eps`. Output: `points` [21, 2], the start and
/// the point after each step.
public struct BealeAdamExercise: Exercise {
    public init() {}
    public let name = "beale-adam"
    public let title = "Adam on Beale's function"
    public let lecture = "004 optimization"
    static let steps = 20

    public let outputs = [OutputSpec("points", "start and the 20 Adam iterates (x, y)", points: 4)]

    public var instructions: String {
        """
        Beale's function is `f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²`, minimum 0 at (3, 0.5).
        Derive its gradient by hand (chain rule on the three squares) and run 20 steps of Adam from `start` with
        `lr`, `beta1`, `beta2`, `eps` (bias-corrected, t from 1; see the optimizer-steps exercise for the update).

        Submit `points` [21, 2]: row 0 is the start, row k the point (x, y) after step k.
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let start = Tensor([ProblemDraws.uniform([1], -1.5, 1.5, using: &g).scalars[0], ProblemDraws.uniform([1], 1, 2.5, using: &g).scalars[0]])
        return NamedArrays([("start", start), ("lr", .scalar(ProblemDraws.pick([0.05, 0.1], using: &g))),
                            ("beta1", .scalar(0.9)), ("beta2", .scalar(0.999)), ("eps", .scalar(1e-8))])
    }

    func adam(_ i: NamedArrays) -> Adam {
        Adam(learningRate: i.scalar("lr"), beta1: i.scalar("beta1"), beta2: i.scalar("beta2"), epsilon: i.scalar("eps"))
    }

    static func points(_ trajectory: Trajectory) -> Tensor {
        Tensor(matrix: trajectory.points.map { [$0.x, $0.y] })
    }

    func run(_ optimizer: Adam, _ inputs: NamedArrays, ascend: Bool = false) -> Tensor {
        let start = inputs.require("start")
        if !ascend {
            return Self.points(Trajectory.run(optimizer, on: .beale, from: Point2D(start), steps: Self.steps))
        }
        var optimizer = optimizer
        var x = start
        var rows = x.scalars
        for _ in 0..<Self.steps {
            optimizer.step(&x) { -TestFunction.beale.gradient($0) }
            rows += x.scalars
        }
        return Tensor(shape: [Self.steps + 1, 2], scalars: rows)
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        NamedArrays([("points", run(adam(inputs), inputs))])
    }

    /// A float32 run rounds the point at every step (and Beale's gradient cancels near the
    /// valley): each coordinate's scale is the distance travelled, as for `optimizer-steps`.
    public func roundingScale(of key: String, inputs: NamedArrays) -> Tensor? {
        OptimizerStepsExercise.travelScale(start: inputs.require("start"), path: reference(for: inputs).require("points"))
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        var plain = adam(inputs)
        plain.biasCorrection = false
        let path = run(adam(inputs), inputs)
        let withoutStart = Tensor(shape: [Self.steps, 2], scalars: Array(path.scalars.dropFirst(2)))
        return [
            Mistake(.wrongShape, hint: "points lacks the start: row 0 is the start point, then one row per iteration (\(Self.steps + 1) rows)",
                    key: "points", value: withoutStart),
            Mistake(.formula, hint: "points follow Adam without bias correction: divide m by 1 − beta1^t and v by 1 − beta2^t",
                    key: "points", value: run(plain, inputs)),
            Mistake(.wrongSign, hint: "points climb Beale's function: the gradient's sign is flipped", key: "points",
                    value: run(adam(inputs), inputs, ascend: true)),
        ]
    }

    public func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture? {
        let rows = { (t: Tensor) in (0..<t.shape[0]).map { t.row($0).scalars } }
        let student = submission["points"].flatMap { $0.rank == 2 && $0.shape[1] == 2 ? rows($0) : nil } ?? []
        let reference = rows(reference.require("points"))
        // Zoom on the paths (a 20-step run covers a small part of the ±4.5 domain), with margin.
        let all = (reference + student).filter { $0.allSatisfy(\.isFinite) && abs($0[0]) < 1e3 && abs($0[1]) < 1e3 }
        func range(_ axis: Int) -> ClosedRange<Double> {
            let values = all.map { $0[axis] }
            let (low, high) = (values.min() ?? -4.5, values.max() ?? 4.5)
            let pad = Swift.max(0.75, 0.3 * (high - low))
            return (low - pad)...(high + pad)
        }
        return .trajectory(student: student, reference: reference, xRange: range(0), yRange: range(1))
    }
}
