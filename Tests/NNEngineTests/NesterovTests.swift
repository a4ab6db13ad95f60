import XCTest
@testable import NNEngine

/// Nesterov momentum: the lecture's look-ahead form, the reparametrized form of training code,
/// and their agreement.
final class NesterovTests: XCTestCase {
    /// `f(x) = ½ Σ aᵢ xᵢ²`, `∇f = a ⊙ x`: an ill-conditioned quadratic.
    let curvature: [Double] = [1, 10, 0.3]
    func gradient(_ p: Tensor) -> Tensor { Tensor(zip(curvature, p.scalars).map { $0 * $1 }) }

    func testLookAheadFormFollowsFormula() {
        let (lr, mu) = (0.05, 0.9)
        var optimizer = Nesterov(learningRate: lr, mu: mu)
        var x = Tensor(Fixture.start)
        var ref = Fixture.start
        var v = [0.0, 0.0, 0.0]
        for t in 1...6 {
            optimizer.step(&x, gradientAt: gradient)
            for i in ref.indices {
                let g = curvature[i] * (ref[i] + mu * v[i])   // gradient at the look-ahead point
                v[i] = mu * v[i] - lr * g
                ref[i] += v[i]
            }
            assertClose(x, ref, "look-ahead x after step \(t)")
        }
        assertClose(optimizer.slots[0].state.velocity, v, "velocity")
    }

    func testReparametrizedFormFollowsCS231n() {
        let (lr, mu) = (0.05, 0.9)
        var optimizer = Nesterov(learningRate: lr, mu: mu)
        var x = Fixture.start
        var v = [0.0, 0.0, 0.0]
        var expected: [[Double]] = []
        for g in Fixture.gradients {
            for i in x.indices {
                let previous = v[i]
                v[i] = mu * v[i] - lr * g[i]
                x[i] += -mu * previous + (1 + mu) * v[i]
            }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "nesterov (reparametrized)")
    }

    /// The reparametrized iterate is the look-ahead point: `x̃ₖ = xₖ + μ·vₖ` at every step.
    func testBothFormsAgreeOnQuadratic() {
        let lookAheadStart = Tensor(Fixture.start)
        var lookAhead = Nesterov(learningRate: 0.02, mu: 0.9)
        var reparametrized = Nesterov(learningRate: 0.02, mu: 0.9)
        var x = lookAheadStart, xTilde = lookAheadStart   // v₀ = 0, so x̃₀ = x₀
        for t in 1...40 {
            lookAhead.step(&x, gradientAt: gradient)
            reparametrized.step(&xTilde, gradient: gradient(xTilde))
            let v = lookAhead.slots[0].state.velocity
            let expected = x + 0.9 * v
            assertClose(xTilde, expected.scalars, tolerance: 1e-11, "x̃ vs x + μv at step \(t)")
            assertClose(reparametrized.slots[0].state.velocity, v.scalars, tolerance: 1e-11, "v at step \(t)")
        }
        // And the run converges toward the minimum at 0.
        XCTAssertLessThan(x.norm, 0.2 * lookAheadStart.norm)
    }

    /// Only Nesterov evaluates the gradient away from `x`.
    func testEvaluationPoints() {
        var nesterov = Nesterov(learningRate: 0.1, mu: 0.5)
        var x = Tensor([1.0])
        var asked: [Double] = []
        for _ in 0..<2 { nesterov.step(&x, gradientAt: { p in asked.append(p.scalars[0]); return Tensor([1.0]) }) }
        // Step 1 at x₀ = 1 (v = 0); v₁ = −0.1, x₁ = 0.9; step 2 at x₁ + 0.5·v₁ = 0.85.
        assertClose(asked[0], 1.0, "first evaluation")
        assertClose(asked[1], 0.85, "second evaluation")

        var sgd = SGD(learningRate: 0.1)
        var y = Tensor([1.0])
        sgd.step(&y, gradientAt: { p in asked.append(p.scalars[0]); return Tensor([1.0]) })
        XCTAssertEqual(asked.last, 1.0)
    }
}
