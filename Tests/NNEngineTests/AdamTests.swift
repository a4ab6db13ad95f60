import Foundation
import XCTest
@testable import NNEngine

/// Adam (with and without bias correction) and AdaMax against Kingma & Ba's algorithms.
final class AdamTests: XCTestCase {
    /// Scalar reference of Adam, written from the paper's Algorithm 1.
    func referenceAdam(lr: Double, b1: Double, b2: Double, eps: Double, biasCorrection: Bool) -> [[Double]] {
        var x = Fixture.start
        var m = [0.0, 0.0, 0.0], v = [0.0, 0.0, 0.0]
        var out: [[Double]] = []
        for (k, g) in Fixture.gradients.enumerated() {
            let t = Double(k + 1)
            for i in x.indices {
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                let mHat = biasCorrection ? m[i] / (1 - pow(b1, t)) : m[i]
                let vHat = biasCorrection ? v[i] / (1 - pow(b2, t)) : v[i]
                x[i] -= lr * mHat / (vHat.squareRoot() + eps)
            }
            out.append(x)
        }
        return out
    }

    func testAdamFollowsAlgorithm1() {
        var optimizer = Adam(learningRate: 0.01)
        let expected = referenceAdam(lr: 0.01, b1: 0.9, b2: 0.999, eps: 1e-8, biasCorrection: true)
        Fixture.check(Fixture.run(&optimizer), expected, "adam")
    }

    func testAdamWithOtherBetas() {
        var optimizer = Adam(learningRate: 0.003, beta1: 0.5, beta2: 0.99, epsilon: 1e-6)
        let expected = referenceAdam(lr: 0.003, b1: 0.5, b2: 0.99, eps: 1e-6, biasCorrection: true)
        Fixture.check(Fixture.run(&optimizer), expected, "adam(0.5, 0.99)")
    }

    func testAdamWithoutBiasCorrectionFollowsTheDeck() {
        var optimizer = Adam(learningRate: 0.01, biasCorrection: false)
        let expected = referenceAdam(lr: 0.01, b1: 0.9, b2: 0.999, eps: 1e-8, biasCorrection: false)
        Fixture.check(Fixture.run(&optimizer), expected, "adam without bias correction")
        XCTAssertEqual(optimizer.kind.name, "adam-nobc")
    }

    /// The update runs four lanes at a time with a scalar tail: 11 elements exercise both, and
    /// every element must follow Algorithm 1 (the fixture's 3 elements never reach the lanes).
    func testVectorizedUpdateMatchesAlgorithm1OnEveryLane() {
        let (lr, b1, b2, eps) = (0.01, 0.9, 0.999, 1e-8)
        var generator = RandomStream(seed: 11)
        var optimizer = Adam(learningRate: lr)
        var x = Tensor.randomNormal(shape: [11], using: &generator)
        var reference = x.scalars
        var m = [Double](repeating: 0, count: 11), v = m
        for t in 1...20 {
            let g = Tensor.randomNormal(shape: [11], using: &generator)
            optimizer.step(&x, gradient: g)
            for i in reference.indices {
                m[i] = b1 * m[i] + (1 - b1) * g.scalars[i]
                v[i] = b2 * v[i] + (1 - b2) * g.scalars[i] * g.scalars[i]
                let mHat = m[i] / (1 - pow(b1, Double(t))), vHat = v[i] / (1 - pow(b2, Double(t)))
                reference[i] -= lr * mHat / (vHat.squareRoot() + eps)
            }
            // The efficient order rounds differently from the textbook one: a few ulps per step.
            assertClose(x, reference, tolerance: 1e-12, "step \(t)")
        }
        assertClose(optimizer.slots[0].state.m, m, tolerance: 1e-12, "m")
        assertClose(optimizer.slots[0].state.v, v, tolerance: 1e-12, "v")
    }

    /// With bias correction the first step is `lr·sign(g)` (up to ε); without it, the deck's Adam
    /// takes `lr·(1 − β₁)/√(1 − β₂) ≈ 3.16·lr`.
    func testFirstStepSize() {
        var corrected = Adam(learningRate: 0.01), raw = Adam(learningRate: 0.01, biasCorrection: false)
        var x = Tensor([0.0]), y = Tensor([0.0])
        corrected.step(&x, gradient: Tensor([4.0]))
        raw.step(&y, gradient: Tensor([4.0]))
        assertClose(x.scalars[0], -0.01, tolerance: 1e-6, "corrected first step")
        assertClose(y.scalars[0], -0.01 * 0.1 / 0.001.squareRoot(), tolerance: 1e-6, "uncorrected first step")
    }

    func testAdaMaxFollowsAlgorithm2() {
        let (lr, b1, b2) = (0.002, 0.9, 0.999)
        var optimizer = AdaMax(learningRate: lr, beta1: b1, beta2: b2)
        var x = Fixture.start
        var m = [0.0, 0.0, 0.0], u = [0.0, 0.0, 0.0]
        var expected: [[Double]] = []
        for (k, g) in Fixture.gradients.enumerated() {
            let t = Double(k + 1)
            for i in x.indices {
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                u[i] = max(b2 * u[i], abs(g[i]))
                x[i] -= lr / (1 - pow(b1, t)) * m[i] / u[i]
            }
            expected.append(x)
        }
        Fixture.check(Fixture.run(&optimizer), expected, "adamax")
        assertClose(optimizer.slots[0].state.u, u, "u")
    }

    /// A gradient of exactly zero from the start gives `m = u = 0`: no step, and no 0/0 NaN.
    func testAdaMaxZeroGradientDoesNotMove() {
        var optimizer = AdaMax()
        var x = Tensor([1.0, 2.0])
        optimizer.step(&x, gradient: Tensor([0.0, 0.5]))
        XCTAssertEqual(x.scalars[0], 1.0)
        XCTAssertTrue(x.scalars[1].isFinite)
        assertClose(x.scalars[1], 2.0 - 0.002, "moving component: lr·sign(g) on step 1")
    }
}
