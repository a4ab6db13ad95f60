import XCTest
import NNEngine
@testable import Optimizers

/// The first updates of every optimizer as the lab configures it (the valley's lecture learning
/// rates, the default hyperparameters), against the formulas of the issue worked by hand.
///
/// On the valley f = 0.1·x² + 2·y² from (−9, 2) the first gradient is g = (0.2·x, 4·y) = (−1.8, 8).
final class FirstStepTests: XCTestCase {
    static let g = [-1.8, 8.0]
    static let x0 = [-9.0, 2.0]

    /// The lab's run of `kind` on the valley, `steps` updates.
    func run(_ kind: OptimizerKind, steps: Int = 1) throws -> [TrajectoryPoint] {
        let configuration = OptimizersConfiguration(functions: [.valley], optimizers: [kind], steps: steps)
        let result = try OptimizersStudy.run(configuration)
        return result.studies[0].runs[0].trajectory
    }

    func assertPoint(_ point: TrajectoryPoint, _ expected: [Double], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (observed, (value, axis)) in zip([point.x, point.y], zip(expected, ["x", "y"])) {
            // Relative, except near 0 (momentum's y is exactly 0 after two steps at lr 0.1, up to
            // rounding), where the coordinates' own scale, 1, takes the place of the value.
            let error = abs(observed - value) / max(abs(value), 1)
            print("\(what) \(axis): expected \(value), observed \(observed), relative error \(error)")
            XCTAssertLessThanOrEqual(error, 1e-12, "\(what) \(axis)", file: file, line: line)
        }
        XCTAssertEqual(point.f, 0.1 * point.x * point.x + 2 * point.y * point.y, "\(what) f", file: file, line: line)
    }

    /// `x0[i] + delta(g[i])` for both coordinates.
    func moved(_ delta: (Double) -> Double) -> [Double] { zip(Self.x0, Self.g).map { $0 + delta($1) } }

    func testSGD() throws {
        // x ← x − lr·g, lr = 0.1 (the valley's one rate for SGD, momentum and Nesterov).
        assertPoint(try run(.sgd)[1], moved { -0.1 * $0 }, "sgd step 1")
    }

    func testMomentumAndNesterovTwoSteps() throws {
        let (lr, mu) = (0.1, 0.9)
        // Step 1, both: v = −lr·g; x ← x + v (the look-ahead point x + μ·0 is x itself).
        let v1 = Self.g.map { -lr * $0 }
        let x1 = zip(Self.x0, v1).map { $0 + $1 }
        // Step 2, momentum: g at x1; Nesterov: g at x1 + μ·v1.
        func step2(at p: [Double]) -> [Double] {
            let g2 = [0.2 * p[0], 4 * p[1]]
            return (0..<2).map { x1[$0] + mu * v1[$0] - lr * g2[$0] }
        }
        let momentum = try run(.momentum(), steps: 2)
        assertPoint(momentum[1], x1, "momentum step 1")
        assertPoint(momentum[2], step2(at: x1), "momentum step 2")
        let nesterov = try run(.nesterov(), steps: 2)
        assertPoint(nesterov[1], x1, "nesterov step 1")
        assertPoint(nesterov[2], step2(at: (0..<2).map { x1[$0] + mu * v1[$0] }), "nesterov step 2")
    }

    func testAdagradAndRMSprop() throws {
        // Adagrad: c = g²; x ← x − lr·g/(√c + ε), lr = 0.5.
        assertPoint(try run(.adagrad())[1], moved { -0.5 * $0 / (abs($0) + 1e-8) }, "adagrad step 1")
        // RMSprop: c = (1 − ρ)·g²; x ← x − lr·g/(√c + ε), lr = 0.05, ρ = 0.9.
        assertPoint(try run(.rmsprop())[1], moved { -0.05 * $0 / ((0.1 * $0 * $0).squareRoot() + 1e-8) }, "rmsprop step 1")
    }

    func testAdadelta() throws {
        // s = (1 − ρ)·g²; Δ = −√(0 + ε)/√(s + ε)·g; x ← x + lr·Δ, lr = 1, ρ = 0.95, ε = 1e-6.
        assertPoint(try run(.adadelta())[1], moved { -(1e-6).squareRoot() / (0.05 * $0 * $0 + 1e-6).squareRoot() * $0 },
                    "adadelta step 1")
    }

    func testAdamVariantsAndAdaMax() throws {
        let lr = 0.5
        // Adam: m = 0.1·g, v = 0.001·g²; m̂ = g, v̂ = g²; x ← x − lr·m̂/(√v̂ + ε).
        assertPoint(try run(.adam())[1], moved { -lr * $0 / (abs($0) + 1e-8) }, "adam step 1")
        // Without bias correction: x ← x − lr·m/(√v + ε) = x − lr·0.1·g/(√0.001·|g| + ε).
        assertPoint(try run(.adam(biasCorrection: false))[1], moved { -lr * 0.1 * $0 / ((0.001).squareRoot() * abs($0) + 1e-8) },
                    "adam-nobc step 1")
        // AdaMax: m = 0.1·g, u = max(0, |g|); x ← x − lr/(1 − 0.9)·m/u.
        assertPoint(try run(.adamax())[1], moved { -lr / (1 - 0.9) * (0.1 * $0) / abs($0) }, "adamax step 1")
    }
}
