import Foundation
import XCTest
@testable import NNEngine

/// Each schedule's learning rate at several steps (update `t` from 1, so `n = t − 1`).
final class LearningRateScheduleTests: XCTestCase {
    func testConstant() {
        for t in [1, 2, 100] { XCTAssertEqual(LearningRateSchedule.constant.learningRate(base: 0.3, step: t), 0.3) }
    }

    func testStepDecayHalvesEveryKSteps() {
        let schedule = LearningRateSchedule.stepDecay(factor: 0.5, every: 3)
        let expected: [(Int, Double)] = [(1, 1), (3, 1), (4, 0.5), (6, 0.5), (7, 0.25), (10, 0.125)]
        for (t, rate) in expected { assertClose(schedule.learningRate(base: 1, step: t), rate, "step decay at t = \(t)") }
    }

    func testExponential() {
        let schedule = LearningRateSchedule.exponential(gamma: 0.9)
        for t in [1, 2, 5, 11] {
            assertClose(schedule.learningRate(base: 0.2, step: t), 0.2 * pow(0.9, Double(t - 1)), "exponential at t = \(t)")
        }
        assertClose(schedule.learningRate(base: 0.2, step: 3), 0.162, "exponential at t = 3")
    }

    func testInverseTime() {
        let schedule = LearningRateSchedule.inverseTime(k: 0.5)
        let expected: [(Int, Double)] = [(1, 1), (2, 1 / 1.5), (3, 0.5), (5, 1.0 / 3), (21, 1.0 / 11)]
        for (t, rate) in expected { assertClose(schedule.learningRate(base: 1, step: t), rate, "1/t at t = \(t)") }
    }

    /// The optimizer uses the scheduled rate of each update.
    func testOptimizerUsesSchedule() {
        var sgd = SGD(learningRate: 1, options: OptimizerOptions(schedule: .stepDecay(factor: 0.1, every: 2)))
        var x = Tensor([0])
        var positions: [Double] = []
        for _ in 0..<4 {
            sgd.step(&x, gradient: Tensor([1]))
            positions.append(x.scalars[0])
        }
        for (o, e) in zip(positions, [-1, -2, -2.1, -2.2]) { assertClose(o, e, "x") }
    }

    func testParsingAndValidation() throws {
        XCTAssertEqual(try LearningRateSchedule(parsing: "step:0.5,1000"), .stepDecay(factor: 0.5, every: 1000))
        XCTAssertEqual(try LearningRateSchedule(parsing: "exp:0.99"), .exponential(gamma: 0.99))
        XCTAssertEqual(try LearningRateSchedule(parsing: "inv:0.01"), .inverseTime(k: 0.01))
        XCTAssertEqual(try LearningRateSchedule(parsing: LearningRateSchedule.stepDecay(factor: 0.5, every: 7).description),
                       .stepDecay(factor: 0.5, every: 7))
        XCTAssertThrowsError(try LearningRateSchedule(parsing: "exp:1.5")) { error in
            XCTAssertEqual((error as? LabError)?.message, "exponential decay γ must be in (0, 1], got 1.5")
        }
        XCTAssertThrowsError(try LearningRateSchedule(parsing: "step:0.5,0")) { error in
            XCTAssertEqual((error as? LabError)?.message, "step-decay period must be at least 1 update, got 0")
        }
        XCTAssertThrowsError(try LearningRateSchedule(parsing: "cosine")) { error in
            XCTAssertEqual((error as? LabError)?.message,
                           "unknown schedule 'cosine'; valid: constant, step:FACTOR,EVERY, exp:GAMMA, inv:K, cosine:T[,restart], warmup:K, plateau:FACTOR,PATIENCE")
        }
    }
}
