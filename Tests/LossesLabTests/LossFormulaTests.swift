import Foundation
@testable import LossesLab
import NNEngine
import XCTest

/// Every new loss and gradient against closed forms and centred differences; the deck's example.
final class LossFormulaTests: XCTestCase {
    func testSigmoidMSEGradientVanishesWhenWrongAndIsChecked() {
        let o = OutputGradients.run()
        // ½(σ − 1)² at z: ∂/∂z = (σ − 1)σ(1 − σ); at z = −10, ≈ −σ(−10).
        let s = 1 / (1 + exp(10.0))
        XCTAssertEqual(o.mseGradientWrong, (s - 1) * s * (1 - s), accuracy: 1e-12 * s)
        XCTAssertEqual(o.crossEntropyGradientWrong, s - 1, accuracy: 1e-15)
        XCTAssertLessThan(o.mseGradientCheck, 1e-7, "happy band")
        XCTAssertLessThan(o.crossEntropyGradientCheck, 1e-7, "happy band")
        XCTAssertLessThan(o.softmaxBinaryDifference, 1e-12, "softmax on (z, 0) = sigmoid of z")
    }

    func testBCEIsSoftplus() {
        let s = SoftplusIdentity.run()
        XCTAssertLessThan(s.maxDifference, 1e-13)
        // 1 − σ(z) rounds to 0 once e^{−z} < ε/2: z > ln(2/ε) ≈ 36.7.
        XCTAssertEqual(s.naiveOverflowAt ?? 0, 36.8, accuracy: 0.2)
    }

    func testDeckHingeExample() {
        let h = HingeExample.run()
        for (e, deck) in zip(h.examples, h.deckLosses) { XCTAssertEqual(e.hingeZeroMargin, deck, accuracy: 1e-12, e.image) }
        XCTAssertEqual(h.examples.map(\.hingeUnitMargin), [2.9, 0, 12.9].map { $0 }, accuracy: 1e-12)
        // CE of the car image: −log softmax(1.3, 4.9, 2.0)₂.
        let ce = -(4.9 - log(exp(1.3) + exp(4.9) + exp(2.0)))
        XCTAssertEqual(h.examples[1].crossEntropy, ce, accuracy: 1e-12)
        XCTAssertGreaterThan(h.crossEntropyAlongMargin.last!, 0, "CE never reaches 0")
        XCTAssertEqual(h.hingeUnitAlongMargin.last!, 0, "the margin holds: hinge is 0")
    }

    func testKLGradientsAreExactForTheGridSum() {
        let x = (0...400).map { -8 + 16 * Double($0) / 400 }
        let logP = x.map { -0.5 * ($0 - 1) * ($0 - 1) - 0.5 * log(2 * Double.pi) }
        let kl = GridKL(x: x, logP: logP, dx: 0.04)
        for theta in [[0.3, 0.2], [-1, -0.5], [2, 0.4]] {
            for f in [kl.forward, kl.reverse] {
                let r = GradientCheck.check({ f($0.scalars).value }, at: Tensor(theta), analytic: Tensor(f(theta).gradient))
                XCTAssertLessThan(r.maxRelativeError, 1e-7, "\(theta): \(r)")
            }
        }
        // p = N(1, 1) itself: both divergences vanish at (μ, s) = (1, 0).
        XCTAssertEqual(kl.forward([1, 0]).value, 0, accuracy: 1e-10)
        XCTAssertEqual(kl.reverse([1, 0]).value, 0, accuracy: 1e-10)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
