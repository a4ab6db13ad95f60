import XCTest
@testable import NNEngine

/// SGD and heavy-ball momentum against their formulas, with scalar reference code.
final class MomentumTests: XCTestCase {
    func testSGDFollowsFormula() {
        let lr = 0.1
        var optimizer = SGD(learningRate: lr)
        var x = Fixture.start
        var expected: [[Double]] = []
        for g in Fixture.gradients {
            for i in x.indices { x[i] -= lr * g[i] }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "sgd")
        XCTAssertEqual(optimizer.slots[0].step, 5)
    }

    func testMomentumFollowsFormula() {
        let (lr, mu) = (0.05, 0.9)
        var optimizer = Momentum(learningRate: lr, mu: mu)
        var x = Fixture.start
        var v = [0.0, 0.0, 0.0]
        var expected: [[Double]] = []
        for g in Fixture.gradients {
            for i in x.indices {
                v[i] = mu * v[i] - lr * g[i]
                x[i] += v[i]
            }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "momentum")
        assertClose(optimizer.slots[0].state.velocity, v, "final velocity")
    }

    func testMomentumZeroIsSGD() {
        var momentum = Momentum(learningRate: 0.1, mu: 0)
        var sgd = SGD(learningRate: 0.1)
        let a = Fixture.run(&momentum), b = Fixture.run(&sgd)
        for (p, q) in zip(a, b) { assertClose(p, q.scalars, "μ = 0") }
    }

    /// One optimizer for a network: each parameter index keeps its own state, exactly as if it
    /// had its own optimizer.
    func testPerParameterStateIsIndependent() {
        var shared = Momentum(learningRate: 0.05)
        var alone0 = Momentum(learningRate: 0.05), alone1 = Momentum(learningRate: 0.05)
        var parameters = [Tensor([1, 2]), Tensor(matrix: [[0.5], [-1]])]
        var p0 = parameters[0], p1 = parameters[1]
        for k in 0..<4 {
            let g0 = Tensor([Double(k), -1]), g1 = Tensor(matrix: [[0.3 * Double(k)], [2]])
            shared.step(&parameters, gradients: [g0, g1])
            alone0.step(&p0, gradient: g0)
            alone1.step(&p1, gradient: g1)
        }
        XCTAssertEqual(shared.slots.count, 2)
        assertClose(parameters[0], p0.scalars, "parameter 0")
        assertClose(parameters[1], p1.scalars, "parameter 1")
        XCTAssertEqual(parameters[1].shape, [2, 1])
    }
}
