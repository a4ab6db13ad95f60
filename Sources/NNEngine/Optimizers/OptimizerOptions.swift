/// The gradient preprocessing and learning-rate annealing shared by every optimizer.
///
/// Each update works on `g = ∂loss/∂x` in this order, PyTorch's (`clip_grad_norm_` before
/// `optimizer.step()`, which then adds `weight_decay · x`):
/// 1. clip the loss gradient (`clipping`), across all parameter tensors of the update;
/// 2. add the L2 penalty's gradient: `g ← g + λ·x`, the gradient of `loss + (λ/2)‖x‖²`
///    (weight decay, Krogh & Hertz 1992);
/// 3. the optimizer's own rule, with the learning rate `schedule.learningRate(base: lr₀, step: t)`.
///
/// Clipping first means the penalty is never clipped away: a huge data gradient does not stop the
/// weights from decaying.
public struct OptimizerOptions: Equatable, Codable, Sendable {
    /// Gradient clipping by value or by global norm; `.none` by default.
    public var clipping: GradientClipping
    /// L2 weight decay λ ≥ 0; 0 by default.
    public var weightDecay: Double
    /// The learning-rate schedule; constant by default.
    public var schedule: LearningRateSchedule

    public init(clipping: GradientClipping = .none, weightDecay: Double = 0, schedule: LearningRateSchedule = .constant) {
        self.clipping = clipping
        self.weightDecay = weightDecay
        self.schedule = schedule
    }

    /// Throws a `LabError` for a bad clipping threshold, a negative or non-finite λ, or a bad
    /// schedule.
    public func validate() throws {
        try clipping.validate()
        try HyperparameterCheck.nonNegative(weightDecay, "weight decay λ")
        try schedule.validate()
    }

    /// Steps 1-2 above for all parameters of one update: `gradients[i]` is the loss gradient at
    /// `points[i]`, the point where it was evaluated. Shapes: `gradients[i].shape == points[i].shape`.
    public func preprocess(_ gradients: inout [Tensor], at points: [Tensor]) {
        precondition(gradients.count == points.count, "\(gradients.count) gradients for \(points.count) parameters")
        clipping.apply(to: &gradients)
        guard weightDecay != 0 else { return }
        for i in gradients.indices { gradients[i].add(points[i], scaledBy: weightDecay) }
    }

    /// `true` when the options change nothing: no clipping, no decay, a constant rate.
    public var isDefault: Bool { self == OptimizerOptions() }
}

extension OptimizerOptions: CustomStringConvertible {
    /// The non-default options, e.g. `clip-value:5.0, λ=0.0001, step:0.5,1000`; empty if none.
    public var description: String {
        var parts: [String] = []
        if clipping != .none { parts.append(clipping.description) }
        if weightDecay != 0 { parts.append("λ=\(weightDecay)") }
        if schedule != .constant { parts.append("schedule \(schedule)") }
        return parts.joined(separator: ", ")
    }
}
