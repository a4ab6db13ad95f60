import Foundation
import XCTest
@testable import NNEngine

/// Parsing optimizer names, validating hyperparameters with user-facing messages, legends and JSON.
final class OptimizerConfigurationTests: XCTestCase {
    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? LabError)?.message }
    }

    func testParsesEveryName() throws {
        let expected: [String: OptimizerKind] = [
            "sgd": .sgd, "momentum": .momentum(), "nesterov": .nesterov(), "adagrad": .adagrad(),
            "rmsprop": .rmsprop(), "adadelta": .adadelta(), "adam": .adam(), "adamax": .adamax(),
            "ADAM": .adam(), "adam-nobc": .adam(biasCorrection: false),
        ]
        for (text, kind) in expected { XCTAssertEqual(try OptimizerKind(parsing: text), kind, text) }
    }

    func testParsesHyperparameters() throws {
        XCTAssertEqual(try OptimizerKind(parsing: "momentum:0.95"), .momentum(mu: 0.95))
        XCTAssertEqual(try OptimizerKind(parsing: "rmsprop:0.99,1e-6"), .rmsprop(rho: 0.99, epsilon: 1e-6))
        XCTAssertEqual(try OptimizerKind(parsing: "adam:0.8"), .adam(beta1: 0.8))
        XCTAssertEqual(try OptimizerKind(parsing: "adamax:0.9,0.99"), .adamax(beta1: 0.9, beta2: 0.99))
    }

    func testUnknownNameListsValidNames() {
        let text = message { _ = try OptimizerKind(parsing: "adamw") }
        XCTAssertEqual(text, "unknown optimizer 'adamw'; valid: sgd, momentum[:MU], nesterov[:MU], adagrad[:EPS], "
            + "rmsprop[:RHO[,EPS]], adadelta[:RHO[,EPS]], adam[:B1[,B2[,EPS]]], adam-nobc[:B1[,B2[,EPS]]], adamax[:B1[,B2]]")
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "sgd:0.9") }, "optimizer 'sgd:0.9': 'sgd' takes at most 0 hyperparameters")
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "momentum:fast") }, "optimizer 'momentum:fast': 'fast' is not a number")
    }

    func testLearningRateValidation() {
        XCTAssertEqual(message { try OptimizerConfiguration(kind: .sgd, learningRate: .nan).validate() },
                       "learning rate must be a finite positive number, got nan")
        XCTAssertEqual(message { try OptimizerConfiguration(kind: .adam(), learningRate: .infinity).validate() },
                       "learning rate must be a finite positive number, got inf")
        XCTAssertEqual(message { try OptimizerConfiguration(kind: .sgd, learningRate: 0).validate() },
                       "learning rate must be a finite positive number, got 0.0")
        XCTAssertEqual(message { _ = try OptimizerConfiguration(kind: .momentum(), learningRate: -0.1).makeOptimizer() },
                       "learning rate must be a finite positive number, got -0.1")
        XCTAssertNil(message { try OptimizerConfiguration(kind: .adam()).validate() })
    }

    func testHyperparameterValidation() {
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "momentum:1") }, "momentum μ must be in [0, 1), got 1.0")
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "nesterov:-0.5") }, "nesterov μ must be in [0, 1), got -0.5")
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "adam:0.9,1.5") }, "adam β2 must be in [0, 1), got 1.5")
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "adam:nan") }, "adam β1 must be in [0, 1), got nan")
        XCTAssertEqual(message { _ = try OptimizerKind(parsing: "rmsprop:0.9,0") }, "rmsprop ε must be a finite positive number, got 0.0")
        XCTAssertEqual(message { try Adagrad(epsilon: -1e-8).validate() }, "adagrad ε must be a finite positive number, got -1e-08")
        XCTAssertEqual(message { try AdaMax(beta1: 1).validate() }, "adamax β1 must be in [0, 1), got 1.0")
        XCTAssertEqual(message { try Adadelta(rho: 0.95, epsilon: .nan).validate() }, "adadelta ε must be a finite positive number, got nan")
    }

    func testDescriptionsForLegends() {
        XCTAssertEqual(OptimizerConfiguration(kind: .adam()).description, "adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)")
        XCTAssertEqual(Momentum(learningRate: 0.01, mu: 0.5).description, "momentum(lr=0.01, μ=0.5)")
        XCTAssertEqual(OptimizerConfiguration(kind: .sgd, learningRate: 0.1,
                                              options: OptimizerOptions(clipping: .value(threshold: 5))).description,
                       "sgd(lr=0.1, clip-value:5.0)")
        XCTAssertEqual(OptimizerKind.rmsprop().description, "rmsprop(ρ=0.9, ε=1e-08)")
    }

    func testConfigurationRoundTripsThroughJSON() throws {
        let configuration = OptimizerConfiguration(
            kind: .adam(beta1: 0.8, biasCorrection: false), learningRate: 0.003,
            options: OptimizerOptions(clipping: .norm(maxNorm: 1), weightDecay: 1e-4, schedule: .stepDecay(factor: 0.5, every: 100)))
        let data = try JSONEncoder().encode(configuration)
        XCTAssertEqual(try JSONDecoder().decode(OptimizerConfiguration.self, from: data), configuration)
        let json = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(json.contains("\"beta1\":0.8"), json)
    }

    /// `makeOptimizer` gives the same rule as the concrete type, usable as `any Optimizer`.
    func testMakeOptimizerMatchesConcreteType() throws {
        for kind: OptimizerKind in [.sgd, .momentum(), .nesterov(), .adagrad(), .rmsprop(), .adadelta(), .adam(), .adamax()] {
            var optimizer = try OptimizerConfiguration(kind: kind, learningRate: 0.05).makeOptimizer()
            XCTAssertEqual(optimizer.kind, kind)
            XCTAssertEqual(optimizer.learningRate, 0.05)
            var x = Tensor([1, -1])
            for _ in 0..<3 { optimizer.step(&x, gradient: x) }   // f = ½‖x‖²
            XCTAssertLessThan(x.norm, 2.0.squareRoot(), "\(kind.name) should descend")
        }
    }
}
