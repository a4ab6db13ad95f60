import Foundation

/// The exponential running average of a model's parameters (Polyak averaging with a decay):
/// after every optimizer step `a ← d·a + (1 − d)·θ`, and the average reported after `t` steps is
/// `a / (1 − dᵗ)`.
///
/// The sum starts at zero and is divided by `1 − dᵗ` at the end, as Adam corrects its moments
/// (Kingma & Ba 2015): starting it at the initial parameters would leave them a weight `dᵗ`, most
/// of the average in a short run.
/// - Shapes: one tensor per parameter, each of that parameter's shape.
public struct ParameterAverage: Sendable {
    /// The decay `d` in [0, 1).
    public let decay: Double
    /// The uncorrected sum `a`.
    public private(set) var sum: [Tensor]

    /// A zero average for parameters of `shapes`.
    public init(decay: Double, shapes: [[Int]]) {
        self.decay = decay
        sum = shapes.map { Tensor(zeros: $0) }
    }

    /// Takes one step's parameters in: `a ← d·a + (1 − d)·θ`.
    public mutating func add(_ parameters: [Tensor]) {
        for i in parameters.indices {
            sum[i].scale(by: decay)
            sum[i].add(parameters[i], scaledBy: 1 - decay)
        }
    }

    /// The bias-corrected average after `steps` calls of `add`: `a / (1 − dᵗ)`.
    public func average(after steps: Int) -> [Tensor] {
        let correction = 1 - pow(decay, Double(steps))
        return sum.map { $0 * (1 / correction) }
    }
}
