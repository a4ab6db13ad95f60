import Foundation
import XCTest
@testable import NNEngine

/// Running optimizers on the test functions: recorded steps, convergence, divergence and escape.
final class TrajectoryTests: XCTestCase {
    func testRecordsEveryStep() {
        let run = Trajectory.run(SGD(learningRate: 0.1), on: .valley, from: Point2D(-9, 2), steps: 5)
        XCTAssertEqual(run.outcome, .completed(steps: 5))
        XCTAssertEqual(run.points.map(\.step), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(run.points[0], TrajectoryPoint(step: 0, x: -9, y: 2, f: 0.1 * 81 + 2 * 4))
        // SGD on 0.1x² + 2y²: x ← (1 − 0.02)x, y ← (1 − 0.4)y.
        assertClose(run.points[3].x, -9 * pow(0.98, 3), "x₃")
        assertClose(run.points[3].y, 2 * pow(0.6, 3), "y₃")
        assertClose(run.points[3].f, TestFunction.valley.value(x: run.points[3].x, y: run.points[3].y), "f₃")
    }

    func testMomentumConvergesOnValley() {
        let run = Trajectory.run(Momentum(learningRate: 0.05), on: .valley, from: TestFunction.valley.defaultStart, steps: 500)
        XCTAssertEqual(run.outcome, .completed(steps: 500))
        XCTAssertLessThan(run.final.f, 1e-6)
    }

    func testAdamFindsBealeMinimum() {
        let run = Trajectory.run(Adam(learningRate: 0.01), on: .beale, from: TestFunction.beale.defaultStart, steps: 3000)
        XCTAssertEqual(run.outcome, .completed(steps: 3000))
        XCTAssertLessThan(run.final.f, 1e-4, "final point (\(run.final.x), \(run.final.y))")
    }

    /// SGD with a huge learning rate on Beale: the point explodes and the run reports at which
    /// step, keeping only the finite points before it.
    func testDivergenceIsReportedWithStep() throws {
        let run = Trajectory.run(SGD(learningRate: 1), on: .beale, from: TestFunction.beale.defaultStart, steps: 100)
        guard case .diverged(let step, let loss) = run.outcome else {
            return XCTFail("expected divergence, got \(run.outcome.message)")
        }
        XCTAssertGreaterThan(step, 1)
        XCTAssertLessThan(step, 100)
        XCTAssertEqual(run.points.count, step, "points 0..<step are recorded, the non-finite one is not")
        XCTAssertTrue(run.points.allSatisfy { $0.f.isFinite && $0.x.isFinite && $0.y.isFinite })
        XCTAssertEqual(run.outcome.message, "loss became \(loss.rawValue) at step \(step): learning rate too high?")
        XCTAssertThrowsError(try run.outcome.requireFinite()) { error in
            XCTAssertEqual((error as? LabError)?.message, run.outcome.message)
        }
    }

    func testSaddleRunLeavesTheDomain() {
        let saddle = TestFunction.saddle
        let run = Trajectory.run(SGD(learningRate: 0.1), on: saddle, from: saddle.defaultStart, steps: 500, domain: saddle.domain)
        guard case .leftDomain(let step) = run.outcome else { return XCTFail("expected to leave, got \(run.outcome.message)") }
        // y grows by 1.2 per step from 1e-3: it passes 2 after ⌈ln 2000 / ln 1.2⌉ = 42 steps.
        XCTAssertEqual(step, 42)
        XCTAssertEqual(run.outcome.message, "left the domain at step 42")
        XCTAssertEqual(run.final.step, 42)
        XCTAssertFalse(saddle.domain.contains(Point2D(run.final.x, run.final.y)))
        XCTAssertTrue(run.outcome.isFinite)
    }

    func testGradientNoiseIsSeeded() {
        func noisy(seed: UInt64) -> Trajectory {
            var rng = RandomStream(seed: seed)
            return Trajectory.run(Momentum(learningRate: 0.01), on: .himmelblau, from: Point2D(0, 0), steps: 50,
                                  gradientNoise: 1.0, using: &rng)
        }
        XCTAssertEqual(noisy(seed: 7), noisy(seed: 7))
        XCTAssertNotEqual(noisy(seed: 7).final, noisy(seed: 8).final)
        let exact = Trajectory.run(Momentum(learningRate: 0.01), on: .himmelblau, from: Point2D(0, 0), steps: 50)
        XCTAssertNotEqual(noisy(seed: 7).final, exact.final)
        XCTAssertEqual(noisy(seed: 7).gradientNoise, 1.0)
    }

    /// The caller's optimizer keeps its own state; the run starts from zero state.
    func testRunUsesFreshState() {
        var used = Momentum(learningRate: 0.05)
        var x = Tensor([1, 1])
        used.step(&x, gradient: Tensor([5, 5]))
        let a = Trajectory.run(used, on: .valley, from: Point2D(-9, 2), steps: 10)
        let b = Trajectory.run(Momentum(learningRate: 0.05), on: .valley, from: Point2D(-9, 2), steps: 10)
        XCTAssertEqual(a.points, b.points)
        XCTAssertEqual(used.slots[0].step, 1)
    }

    func testTrajectoryEncodesToJSON() throws {
        let run = Trajectory.run(Nesterov(learningRate: 0.001), on: .rosenbrock, from: Point2D(-1.2, 1), steps: 3)
        let decoded = try JSONDecoder().decode(Trajectory.self, from: JSONEncoder().encode(run))
        XCTAssertEqual(decoded, run)
        XCTAssertEqual(decoded.optimizer.kind, .nesterov())
    }
}
