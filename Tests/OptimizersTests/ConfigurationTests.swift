import XCTest
import NNEngine
@testable import Optimizers

/// Bad input is refused with one line naming the value; overrides reach the right optimizers.
final class ConfigurationTests: XCTestCase {
    func assertRefused(_ configuration: OptimizersConfiguration, _ fragments: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try configuration.validate(), file: file, line: line) { error in
            let message = (error as? LabError)?.message ?? "\(error)"
            XCTAssertFalse(message.contains("\n"), message, file: file, line: line)
            for fragment in fragments { XCTAssertTrue(message.contains(fragment), "'\(message)' lacks '\(fragment)'", file: file, line: line) }
        }
    }

    func testBadValuesAreRefused() {
        assertRefused(OptimizersConfiguration(learningRate: 0), ["learning rate", "positive", "0.0"])
        assertRefused(OptimizersConfiguration(learningRate: -1), ["learning rate"])
        assertRefused(OptimizersConfiguration(learningRate: .nan), ["learning rate", "nan"])
        assertRefused(OptimizersConfiguration(learningRate: .infinity), ["learning rate"])
        assertRefused(OptimizersConfiguration(steps: 0), ["steps", "1...100000", "0"])
        assertRefused(OptimizersConfiguration(steps: 100_001), ["steps", "100000"])
        assertRefused(OptimizersConfiguration(start: Point2D(.nan, 1)), ["start", "finite"])
        assertRefused(OptimizersConfiguration(start: Point2D(1e7, 1)), ["start"])
        assertRefused(OptimizersConfiguration(noise: -1), ["noise"])
        assertRefused(OptimizersConfiguration(overrides: HyperparameterOverrides(momentum: 1)), ["μ", "[0, 1)"])
        assertRefused(OptimizersConfiguration(overrides: HyperparameterOverrides(epsilon: 0)), ["ε"])
        assertRefused(OptimizersConfiguration(functions: []), ["no test function", "beale"])
        XCTAssertNoThrow(try OptimizersConfiguration().validate())
    }

    func testParsingErrorsListTheValidValues() {
        for (parse, fragments) in [
            ({ _ = try TestFunction(parsing: "booth") }, ["unknown test function 'booth'", "beale, valley, rosenbrock, saddle, himmelblau"]),
            ({ _ = try OptimizerKind(parsing: "adamw") }, ["unknown optimizer 'adamw'", "nesterov", "adam-nobc"]),
            ({ _ = try Point2D(parsing: "1;2") }, ["start '1;2'", "X,Y"]),
            ({ _ = try Point2D(parsing: "1,") }, ["start '1,'"]),
            ({ _ = try Point2D(parsing: "1,2,3") }, ["start '1,2,3'"]),
            ({ _ = try Point2D(parsing: "nan,2") }, ["finite"]),
            ({ _ = try GradientClipping(parsing: "value:x") }, ["clipping 'value:x'", "norm:MAX"]),
            ({ _ = try GradientClipping(parsing: "-5") }, ["clipping threshold", "positive"]),
        ] as [(() throws -> Void, [String])] {
            XCTAssertThrowsError(try parse()) { error in
                let message = (error as? LabError)?.message ?? "\(error)"
                for fragment in fragments { XCTAssertTrue(message.contains(fragment), "'\(message)' lacks '\(fragment)'") }
            }
        }
        XCTAssertEqual(try Point2D(parsing: "-1.5, 1e-3"), Point2D(-1.5, 1e-3))
        XCTAssertEqual(try GradientClipping(parsing: "5"), .value(threshold: 5))
        XCTAssertEqual(try GradientClipping(parsing: "norm:1"), .norm(maxNorm: 1))
        XCTAssertEqual(try GradientClipping(parsing: "none"), GradientClipping.none)
    }

    func testOverridesAndLearningRateReachTheirOptimizers() {
        let configuration = OptimizersConfiguration(
            learningRate: 0.03, overrides: HyperparameterOverrides(momentum: 0.5, beta1: 0.8, beta2: 0.99, rho: 0.7, epsilon: 1e-4),
            options: OptimizerOptions(clipping: .value(threshold: 5)))
        func kind(_ k: OptimizerKind) -> OptimizerKind { configuration.optimizer(k, on: .beale).kind }
        XCTAssertEqual(kind(.sgd), .sgd)
        XCTAssertEqual(kind(.momentum(mu: 0.95)), .momentum(mu: 0.5))
        XCTAssertEqual(kind(.nesterov()), .nesterov(mu: 0.5))
        XCTAssertEqual(kind(.adagrad()), .adagrad(epsilon: 1e-4))
        XCTAssertEqual(kind(.rmsprop()), .rmsprop(rho: 0.7, epsilon: 1e-4))
        XCTAssertEqual(kind(.adadelta()), .adadelta(rho: 0.7, epsilon: 1e-4))
        XCTAssertEqual(kind(.adam(biasCorrection: false)), .adam(beta1: 0.8, beta2: 0.99, epsilon: 1e-4, biasCorrection: false))
        XCTAssertEqual(kind(.adamax()), .adamax(beta1: 0.8, beta2: 0.99))
        XCTAssertEqual(configuration.optimizer(.adam(), on: .saddle).learningRate, 0.03)
        XCTAssertEqual(configuration.optimizer(.adam(), on: .saddle).options.clipping, .value(threshold: 5))
        // Without --lr, each function's tuned rate.
        XCTAssertEqual(OptimizersConfiguration().optimizer(.sgd, on: .valley).learningRate, LectureSettings.valleyRate)
        XCTAssertEqual(OptimizersConfiguration().optimizer(.momentum(), on: .valley).learningRate, LectureSettings.valleyRate, "the same lr on the valley")
        XCTAssertEqual(OptimizersConfiguration().optimizer(.adadelta(), on: .beale).learningRate, 1)
    }

    func testClippingTamesADivergingRun() throws {
        // SGD at lr 0.01 on Beale from (4, 4) meets gradients of ~1e4 and blows up; clipping each
        // component to 5 (the lecture's θ) bounds every step by 0.05 per coordinate.
        let wild = OptimizersConfiguration(functions: [.beale], optimizers: [.sgd], start: Point2D(4, 4), steps: 200, learningRate: 0.01)
        var clipped = wild
        clipped.options.clipping = .value(threshold: 5)
        let free = try OptimizersStudy.run(wild).studies[0].runs[0]
        let tame = try OptimizersStudy.run(clipped).studies[0].runs[0]
        XCTAssertTrue(free.diverged, free.summary)
        XCTAssertNotNil(free.divergedAtStep)
        XCTAssertFalse(tame.diverged, tame.summary)
        for (a, b) in zip(tame.trajectory, tame.trajectory.dropFirst()) {
            XCTAssertLessThanOrEqual(max(abs(b.x - a.x), abs(b.y - a.y)), 0.05 + 1e-12)
        }
    }
}
