import XCTest
@testable import NNEngine

/// Adagrad, RMSprop and Adadelta against their formulas, with scalar reference code.
final class AdaptiveLearningRateTests: XCTestCase {
    func testAdagradFollowsFormula() {
        let (lr, eps) = (0.1, 1e-8)
        var optimizer = Adagrad(learningRate: lr, epsilon: eps)
        var x = Fixture.start
        var cache = [0.0, 0.0, 0.0]
        var expected: [[Double]] = []
        for g in Fixture.gradients {
            for i in x.indices {
                cache[i] += g[i] * g[i]
                x[i] -= lr * g[i] / (cache[i].squareRoot() + eps)
            }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "adagrad")
        assertClose(optimizer.slots[0].state.cache, cache, "cache")
    }

    /// Adagrad's first step is `lr·sign(g)` whatever the gradient's size (up to ε).
    func testAdagradFirstStepIsScaleFree() {
        var optimizer = Adagrad(learningRate: 0.5)
        var x = Tensor([0, 0])
        optimizer.step(&x, gradient: Tensor([1e-3, -1e3]))
        assertClose(x, [-0.5, 0.5], tolerance: 1e-4, "first step")
    }

    func testRMSpropFollowsFormula() {
        let (lr, rho, eps) = (0.01, 0.9, 1e-8)
        var optimizer = RMSprop(learningRate: lr, rho: rho, epsilon: eps)
        var x = Fixture.start
        var cache = [0.0, 0.0, 0.0]
        var expected: [[Double]] = []
        for g in Fixture.gradients {
            for i in x.indices {
                cache[i] = rho * cache[i] + (1 - rho) * g[i] * g[i]
                x[i] -= lr * g[i] / (cache[i].squareRoot() + eps)
            }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "rmsprop")
    }

    func testAdadeltaFollowsZeilerAlgorithm1() {
        let (rho, eps) = (0.95, 1e-6)
        var optimizer = Adadelta()   // lr = 1, ρ = 0.95, ε = 1e-6
        XCTAssertEqual(optimizer.learningRate, 1)
        var x = Fixture.start
        var s = [0.0, 0.0, 0.0], d = [0.0, 0.0, 0.0]
        var expected: [[Double]] = []
        for g in Fixture.gradients {
            for i in x.indices {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i]
                let delta = -((d[i] + eps).squareRoot() / (s[i] + eps).squareRoot()) * g[i]
                d[i] = rho * d[i] + (1 - rho) * delta * delta
                x[i] += delta
            }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "adadelta")
        assertClose(optimizer.slots[0].state.squaredGradients, s, "s")
        assertClose(optimizer.slots[0].state.squaredUpdates, d, "d")
    }

    func testAdadeltaLearningRateScalesTheUpdate() {
        var optimizer = Adadelta(learningRate: 0.5)
        var x = Tensor([0.0])
        optimizer.step(&x, gradient: Tensor([2.0]))
        // s = 0.05·4 = 0.2; Δ = −√1e-6/√(0.2 + 1e-6)·2; x = 0.5·Δ.
        let delta = -(1e-6).squareRoot() / (0.2 + 1e-6).squareRoot() * 2
        assertClose(x, [0.5 * delta], "x")
    }
}
