import Foundation
import NNEngine
import XCTest

final class PenaltyStepTests: XCTestCase {
    func testSoftThresholdIsTheProximalMapOfTheL1Norm() {
        let w = Tensor([-1.5, -0.2, 0, 0.05, 0.3, 2])
        XCTAssertEqual(Regularizer.softThreshold(w, by: 0.25).scalars, [-1.25, 0, 0, 0, 0.3 - 0.25, 1.75])
        // argmin_v ½(v − w)² + t|v| by a fine grid search, elementwise.
        let t = 0.25
        for x in w.scalars {
            let grid = stride(from: -3.0, through: 3.0, by: 1e-4)
            let best = grid.min { 0.5 * ($0 - x) * ($0 - x) + t * abs($0) < 0.5 * ($1 - x) * ($1 - x) + t * abs($1) }!
            XCTAssertEqual(Regularizer.softThreshold(Tensor([x]), by: t).scalars[0], best, accuracy: 1e-4)
        }
    }

    func testSmoothPartAndL1Strength() {
        XCTAssertEqual(Regularizer.elasticNet(l1: 0.1, l2: 0.2).smoothPart, .l2(0.2))
        XCTAssertEqual(Regularizer.elasticNet(l1: 0.1, l2: 0.2).l1Strength, 0.1)
        XCTAssertNil(Regularizer.l1(0.3).smoothPart)
        XCTAssertEqual(Regularizer.l2(0.3).l1Strength, 0)
    }

    /// The elastic net's gradient λ₁ sign(w) + λ₂ w against centred differences, away from 0.
    func testElasticNetGradientIsWithinTheHappyBand() {
        let w = tensorAwayFromZero([4, 3], seed: 3)
        let r = Regularizer.elasticNet(l1: 0.03, l2: 0.2)
        assertGradient(GradientCheck.check({ r.value($0) }, at: w, analytic: r.gradient(w)), reaches: .happy, "elastic net")
    }

    /// One SGD step on a one-layer net: the proximal step equals the gradient step without the
    /// L1 term followed by the soft threshold ηλ₁, and leaves exact zeros where the subgradient
    /// step leaves none.
    func testProximalTrainingStepMatchesTheFormulaAndMakesExactZeros() throws {
        var generator = RandomStream(seed: 4)
        let model = Sequential([.affine(Affine(inputs: 8, outputs: 3, initializer: .xavierNormal(gain: 0.1), using: &generator))])
        let x = randomTensor([12, 8], seed: 5)
        let data = Dataset(features: x, labels: (0..<12).map { $0 % 3 }, classCount: 3)
        let (eta, lambda) = (0.1, 0.05)
        func train(_ step: PenaltyStep) throws -> Tensor {
            let c = TrainingConfiguration(epochs: 1, batchSize: 12, optimizer: OptimizerConfiguration(kind: .sgd, learningRate: eta),
                                          regularizer: .elasticNet(l1: lambda, l2: 0.01), seed: 1, penaltyStep: step)
            return try Trainer.train(model, on: data, configuration: c).finalModel.parameters[0]
        }
        let w = model.parameters[0]
        var copy = model
        let (scores, cache) = copy.forward(x, mode: .training, using: &generator)
        let g = model.backward(Loss.softmaxCrossEntropy(scores, labels: data.labels).gradient, cache: cache).parameters[0]
        let expected = Regularizer.softThreshold(w - eta * (g + 0.01 * w), by: eta * lambda)
        let proximal = try train(.proximal)
        XCTAssertLessThan((proximal - expected).map(abs).scalars.max()!, 1e-14)
        XCTAssertGreaterThan(proximal.scalars.filter { $0 == 0 }.count, 0, "some weights land on exactly 0")
        XCTAssertEqual(try train(.subgradient).scalars.filter { $0 == 0 }.count, 0, "the subgradient step jumps over 0")
    }
}
