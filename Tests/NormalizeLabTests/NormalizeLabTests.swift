import NNEngine
import XCTest
@testable import NormalizeLab

/// The lab's computations, each on a small case with a known answer.
final class NormalizeLabTests: XCTestCase {
    func testPositiveInputsMakeEveryUpdateShareOneSign() {
        let z = ZigZag.compute(examples: 100, steps: 60, using: RandomStream(seed: 3))
        let (positive, centred) = (z.runs[0], z.runs[1])
        XCTAssertEqual(positive.sameSignFraction, 1, "∂L/∂w = (f − y)·x with x > 0: both components share the sign of f − y")
        for (g1, g2) in zip(positive.gradient1, positive.gradient2) { XCTAssertGreaterThanOrEqual(g1 * g2, 0) }
        XCTAssertLessThan(centred.sameSignFraction, 0.9)
        XCTAssert(zip(centred.gradient1, centred.gradient2).contains { $0 * $1 < 0 })
        // The valley of the positive inputs is elongated (mean xxᵀ has the mean's outer product).
        XCTAssertGreaterThan(positive.hessianEigenvalues[0] / positive.hessianEigenvalues[1],
                             2 * centred.hessianEigenvalues[0] / centred.hessianEigenvalues[1])
        XCTAssertEqual(positive.w1.count, 61)
        // Each level set is a closed curve of the quadratic at its level.
        let h = positive.hessianEigenvalues
        XCTAssertEqual(positive.levelX[0].first!, positive.levelX[0].last!, accuracy: 1e-9)
        XCTAssertGreaterThan(h[1], 0)
    }

    func testTheSameClassifierInBothCoordinatesHasTheSameLossAtZeroRotation() {
        let s = LossSensitivity.compute(perClass: 50, using: RandomStream(seed: 5))
        let zero = s.losses(at: 0)
        XCTAssertEqual(zero.raw, zero.normalized, accuracy: 1e-12, "one decision function, two parametrizations")
        XCTAssertEqual(zero.raw, s.lossAtZero, accuracy: 1e-12)
        XCTAssertGreaterThan(s.rawCurvature, 10 * s.normalizedCurvature)
        // Rotating the raw weights by 2° costs more loss than rotating the normalized ones.
        let two = s.losses(at: 2)
        XCTAssertGreaterThan(two.raw - zero.raw, two.normalized - zero.normalized)
        // The rotation keeps the weight's length.
        let w = LossSensitivity.rotate([3, 4], by: 0.3)
        XCTAssertEqual(hypot(w[0], w[1]), 5, accuracy: 1e-12)
    }

    func testThePicturesAreWhiteOnTheTrainingPointsOnly() throws {
        var draw = RandomStream(seed: 9)
        let points = PreprocessingPictures.gaussian(count: 300, using: &draw)
        let train = Tensor(shape: [200, 2], scalars: Array(points.scalars[0..<400]))
        let validation = Tensor(shape: [100, 2], scalars: Array(points.scalars[400...]))
        let row = try PreprocessingPictures.row(name: "g", description: "", train: train, validation: validation)
        XCTAssertEqual(row.panels.map(\.stage), PrincipalAxes.Stage.allCases)
        XCTAssertLessThanOrEqual(row.whitenedTrainDeviation, 1e-10)
        XCTAssertGreaterThan(row.whitenedValidationDeviation, 1e-6)
        // The sample covariance is near the one drawn from: within ~5 standard errors of 200 points.
        let c = row.panels[0].trainCovariance
        XCTAssertEqual(c[1], 1.8, accuracy: 5 * (3.0 * 1.5 + 1.8 * 1.8).squareRoot() / 200.0.squareRoot())
        // Centred training points have mean 0; the validation points keep an offset.
        XCTAssertLessThan(row.panels[1].trainMean.map(abs).max()!, 1e-12)
        XCTAssertGreaterThan(row.panels[1].validationMean.map(abs).max()!, 1e-6)
    }

    func testTheNetWithAndWithoutBatchNormSharesItsWeights() {
        let plain = DeepNet(depth: 3, width: 5, activation: .tanh, batchNorm: false, scheme: .xavier).model(inputs: 4, classes: 3, seed: 11)
        let normalized = DeepNet(depth: 3, width: 5, activation: .tanh, batchNorm: true, scheme: .xavier).model(inputs: 4, classes: 3, seed: 11)
        XCTAssertEqual(normalized.layers.count, plain.layers.count + 3)
        XCTAssertEqual(plain.parameters.filter { $0.rank == 2 }, normalized.parameters.filter { $0.rank == 2 })
        var g = RandomStream(seed: 1)
        let x = Tensor.randomNormal(shape: [16, 4], using: &g)
        let activations = DeepNet.hiddenActivations(normalized, x)
        XCTAssertEqual(activations.count, 3)
        // The large scheme saturates tanh: its first layer's pre-activations have std ≈ 3.2·std(x).
        let large = DeepNet(depth: 2, width: 64, activation: .tanh, batchNorm: false, scheme: .large).model(inputs: 64, classes: 3, seed: 2)
        let wide = Tensor.randomNormal(shape: [64, 64], using: &g)
        XCTAssertGreaterThan(DeepNet.hiddenActivations(large, wide)[0].fraction { abs($0) > 0.95 }, 0.3)
    }

    func testTheHighestToleratedRateSkipsDivergedAndInaccurateRuns() {
        func curve(_ lr: Double, _ accuracy: Double, diverged: Bool = false) -> NetCurve {
            NetCurve(batchNorm: false, scheme: .xavier, learningRate: lr, validationAccuracy: [0.5, accuracy],
                     end: RunEnd(divergedAtStep: diverged ? 12 : nil, divergedLoss: diverged ? "NaN" : nil, completedEpochs: 2))
        }
        let curves = [curve(0.01, 0.9), curve(0.1, 0.85), curve(1, 0.95, diverged: true), curve(3, 0.2)]
        XCTAssertEqual(LearningRateSweep.highest(curves, target: 0.8), 0.1)
        XCTAssertNil(LearningRateSweep.highest(curves, target: 0.99))
        XCTAssertEqual(curves[2].end.divergedAtStep, 12)
        XCTAssertEqual(curves[2].end.divergedLoss, "NaN")
    }

    func testANetWhoseLossBecomesNaNIsRecordedWithItsStep() throws {
        // A learning rate of 1e300 sends a ReLU net's weights and activations past the largest double
        // within a few steps (a saturating net stays finite: its outputs are bounded); the run stops there.
        var g = RandomStream(seed: 2)
        let x = Tensor.randomNormal(shape: [40, 4], using: &g)
        let data = Dataset(features: x, labels: (0..<40).map { $0 % 3 }, classCount: 3)
        let split = DatasetSplit(train: data, validation: data, test: data)
        var c = NormalizeLabConfiguration()
        c.batchSize = 8
        let job = BatchNormJob(role: .sweep, net: DeepNet(depth: 2, width: 6, activation: .relu, batchNorm: false, scheme: .xavier),
                               learningRate: 1e300, epochs: 5, initSeed: 1, trainingSeed: 2)
        let history = try job.run(on: split, configuration: c, snapshotInterval: nil).history
        let curve = NetCurve(batchNorm: false, scheme: .xavier, learningRate: 1e300, history: history)
        let step = try XCTUnwrap(curve.end.divergedAtStep, "\(history.outcome)")
        XCTAssertLessThanOrEqual(step, 25)
        XCTAssertEqual(curve.end.completedEpochs, curve.epochs.count)
        XCTAssertEqual(NormalizeLabFigures.ending(curve), " (loss \(curve.end.divergedLoss!) at step \(step))")
    }

    func testTrainModeEvaluationWithBatchesOfTwoNormalizesEachPairToPlusMinusOne() throws {
        // One batch-norm layer straight on two inputs: in training mode a pair becomes ±1 (up to ε).
        var model = Sequential([.batchNorm(BatchNorm(features: 2))])
        var g = RandomStream(seed: 0)
        let y = model.forward(Tensor(shape: [2, 2], scalars: [1, 5, 3, -1]), mode: .training, using: &g).output
        for v in y.scalars { XCTAssertEqual(abs(v), 1, accuracy: 1e-5) }
    }

    func testConfigurationRejectsBadValuesWithAClearMessage() {
        var c = NormalizeLabConfiguration()
        c.activation = .relu
        XCTAssertThrowsError(try c.validate()) { XCTAssert("\($0)".contains("tanh or sigmoid"), "\($0)") }
        c = NormalizeLabConfiguration()
        c.batchSize = 1
        XCTAssertThrowsError(try c.validate()) { XCTAssert("\($0)".contains("batch size must be at least 2"), "\($0)") }
        c = NormalizeLabConfiguration()
        c.sweepRates = [0.1, -1]
        XCTAssertThrowsError(try c.validate()) { XCTAssert("\($0)".contains("learning rate -1.0"), "\($0)") }
        XCTAssertNoThrow(try NormalizeLabConfiguration().validate())
    }
}
