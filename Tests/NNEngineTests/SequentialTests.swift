import NNEngine
import XCTest

final class SequentialTests: XCTestCase {
    let x = randomTensor([6, 4], seed: 110)
    let labels = [0, 2, 1, 1, 0, 2]

    func twoLayerNet() -> Sequential {
        var generator = RandomStream(seed: 111)
        return Sequential([
            .affine(Affine(inputs: 4, outputs: 5, initializer: .kaimingNormal(), bias: 0.1, using: &generator)),
            .activation(.relu),
            .affine(Affine(inputs: 5, outputs: 3, initializer: .xavierNormal(), using: &generator)),
        ])
    }

    /// Checks ∂L/∂x and every ∂L/∂θ of `model` under softmax cross-entropy, with the generator
    /// reseeded for every evaluation so that dropout masks stay fixed.
    func checkEndToEnd(_ model: Sequential, reaches band: GradientCheck.Band, _ name: String,
                       absoluteTolerance: Double = 0) {
        let loss = Loss.softmaxCrossEntropy()
        func evaluate(_ model: Sequential, _ input: Tensor) -> Double {
            var copy = model
            var generator = RandomStream(seed: 112)
            return loss(copy.forward(input, mode: .training, using: &generator).output, .classes(labels)).value
        }
        var copy = model
        var generator = RandomStream(seed: 112)
        let (scores, cache) = copy.forward(x, mode: .training, using: &generator)
        let gradients = model.backward(loss(scores, .classes(labels)).gradient, cache: cache)
        XCTAssertEqual(gradients.parameters.map(\.shape), model.parameters.map(\.shape))

        assertGradient(GradientCheck.check({ evaluate(model, $0) }, at: x, analytic: gradients.input),
                       reaches: band, "\(name) ∂x")
        for (i, parameter) in model.parameters.enumerated() {
            assertGradient(GradientCheck.check({ p in
                var perturbed = model
                perturbed.parameters[i] = p
                return evaluate(perturbed, self.x)
            }, at: parameter, analytic: gradients.parameters[i], absoluteTolerance: absoluteTolerance), reaches: band, "\(name) parameter \(i) (\(model.parameterKinds[i]))")
        }
    }

    func testAffineReLUAffineSoftmaxEndToEnd() {
        // The ReLU has a kink; the band demanded is the kinked one, though with random inputs
        // no pre-activation lies within h of 0 and the error is typically far smaller.
        checkEndToEnd(twoLayerNet(), reaches: .fineWithKinks, "affine-relu-affine")
    }

    func testDeeperModelWithBatchNormDropoutAndPReLU() {
        var generator = RandomStream(seed: 113)
        let model = Sequential([
            .affine(Affine(inputs: 4, outputs: 6, initializer: .kaimingNormal(), using: &generator)),
            .batchNorm(BatchNorm(features: 6)),
            .prelu(PReLU(units: 6)),
            .dropout(Dropout(keepProbability: 0.7)),
            .maxout(Maxout(inputs: 6, outputs: 3, pieceCount: 2, initializer: .xavierNormal(), using: &generator)),
            .activation(.tanh),
            .affine(Affine(inputs: 3, outputs: 3, initializer: .xavierNormal(), using: &generator)),
        ])
        // The first bias feeds batch norm, which subtracts the batch mean and so cancels it: its
        // gradient is 0 in exact arithmetic and rounding noise in practice.
        var copy = model
        let (scores, cache) = copy.forward(x, mode: .training, using: &generator)
        let biasGradient = model.backward(Loss.softmaxCrossEntropy()(scores, .classes(labels)).gradient, cache: cache).parameters[1]
        XCTAssertLessThan(biasGradient.scalars.map(abs).max()!, 1e-15)
        checkEndToEnd(model, reaches: .fineWithKinks, "deep", absoluteTolerance: 1e-12)
    }

    /// A trainer asks for no input gradient: the parameter gradients are the same, bit for bit,
    /// whether the pass stops at the first layer with parameters or goes on to ∂x.
    func testBackwardWithoutInputGradientGivesTheSameParameterGradients() {
        var generator = RandomStream(seed: 114)
        let withInputDropout = Sequential([
            .dropout(Dropout(keepProbability: 0.8)),
            .affine(Affine(inputs: 4, outputs: 5, initializer: .kaimingNormal(), using: &generator)),
            .activation(.relu),
            .affine(Affine(inputs: 5, outputs: 3, initializer: .xavierNormal(), using: &generator)),
        ])
        for model in [twoLayerNet(), withInputDropout] {
            var copy = model
            var masks = RandomStream(seed: 115)
            let (scores, cache) = copy.forward(x, mode: .training, using: &masks)
            let upstream = Loss.softmaxCrossEntropy()(scores, .classes(labels)).gradient
            let full = model.backward(upstream, cache: cache)
            let partial = model.backward(upstream, cache: cache, inputGradient: false)
            XCTAssertEqual(full.input.shape, [6, 4])
            XCTAssertEqual(partial.input.shape, [0], "no input gradient was asked for")
            XCTAssertEqual(partial.parameters, full.parameters)
        }
    }

    func testParametersAndCount() {
        var model = twoLayerNet()
        XCTAssertEqual(model.parameterCount, 4 * 5 + 5 + 5 * 3 + 3)
        XCTAssertEqual(model.parameterKinds, [.weight, .bias, .weight, .bias])
        var parameters = model.parameters
        parameters[2] = Tensor(zeros: [5, 3])
        model.parameters = parameters
        guard case .affine(let last) = model.layers[2] else { return XCTFail("layer 2 should be affine") }
        XCTAssertEqual(last.weight, Tensor(zeros: [5, 3]))
    }

    func testPredictMatchesInferenceForwardAndTrainingLowersTheLoss() {
        var model = twoLayerNet()
        var generator = RandomStream(seed: 114)
        XCTAssertEqual(model.predict(x), model.forward(x, mode: .inference, using: &generator).output)

        let loss = Loss.softmaxCrossEntropy()
        let initial = loss(model.predict(x), .classes(labels)).value
        for _ in 0..<200 {
            let (scores, cache) = model.forward(x, mode: .training, using: &generator)
            let gradients = model.backward(loss(scores, .classes(labels)).gradient, cache: cache)
            model.parameters = zip(model.parameters, gradients.parameters).map { $0 - 0.5 * $1 }
        }
        let final = loss(model.predict(x), .classes(labels)).value
        print("training 6 examples for 200 steps: loss \(initial) → \(final)")
        XCTAssertLessThan(final, 0.1 * initial, "a 2-layer net should nearly memorize 6 examples")
    }
}

extension SequentialTests {
    /// `updateParameters` lends every tensor out and puts the updated ones back in order.
    func testUpdateParametersWritesBackInOrder() {
        var g = RandomStream(seed: 11)
        var model = Sequential.mlp(inputs: 3, hidden: [4], outputs: 2, using: &g)
        let before = model.parameters
        model.updateParameters { parameters in
            XCTAssertEqual(parameters.map(\.shape), before.map(\.shape))
            for i in parameters.indices { parameters[i].scale(by: Double(i + 2)) }
        }
        for (i, (old, new)) in zip(before, model.parameters).enumerated() {
            XCTAssertEqual(new, old * Double(i + 2), "parameter \(i)")
        }
    }
}
