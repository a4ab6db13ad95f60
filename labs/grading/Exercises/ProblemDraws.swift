import Foundation
import NNEngine

/// Draws shared by the exercises' problem generators, all from the student's seeded generator.
enum ProblemDraws {
    /// `[shape]` of N(mean, std²) draws, rounded to 4 significant digits so that problem.json
    /// stays readable; the rounded values *are* the problem (the reference uses them as written).
    static func normal(_ shape: [Int], mean: Double = 0, std: Double = 1, using g: inout RandomStream) -> Tensor {
        Tensor.random(shape: shape, from: NormalDistribution(mean: mean, std: std), using: &g).map(round4)
    }

    /// `[shape]` of U[low, high) draws, rounded to 4 significant digits.
    static func uniform(_ shape: [Int], _ low: Double, _ high: Double, using g: inout RandomStream) -> Tensor {
        Tensor.random(shape: shape, from: UniformDistribution(low: low, high: high), using: &g).map(round4)
    }

    /// `count` class labels in `0..<classes`, as a tensor of integers.
    static func labels(_ count: Int, classes: Int, using g: inout RandomStream) -> Tensor {
        Tensor((0..<count).map { _ in Double(g.next() % UInt64(classes)) })
    }

    /// An integer in `range`.
    static func integer(_ range: ClosedRange<Int>, using g: inout RandomStream) -> Int {
        range.lowerBound + Int(g.next() % UInt64(range.count))
    }

    /// One of `choices`.
    static func pick<T>(_ choices: [T], using g: inout RandomStream) -> T {
        choices[Int(g.next() % UInt64(choices.count))]
    }

    /// `x` to 4 significant digits (exactly representable as written in decimal, to the double).
    static func round4(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let digits = 3 - Int(log10(abs(x)).rounded(.down))
        let scale = pow(10, Double(digits))
        return Double("\((x * scale).rounded() / scale)") ?? x
    }
}
